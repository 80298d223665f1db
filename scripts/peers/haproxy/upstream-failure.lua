-- Loaded by haproxy.cfg (lua-load). HAProxy answers 503 both when it cannot connect to a destination and when the TLS
-- handshake fails; this names which of the two happened, for the refusal's "reason". bc_err is the backend
-- connection's error code (manual 7.3.3 fc_err_str: 24 to 43 are the SSL/TLS errors); it has no value when the
-- connection was refused or timed out, because HAProxy has released that connection by the time it answers.
core.register_fetches("upstream_failure", function(txn)
  local code = txn.f:bc_err()
  if code ~= nil and code >= 24 and code <= 43 then
    return "tls_failure"
  end
  return "connect_failure"
end)
