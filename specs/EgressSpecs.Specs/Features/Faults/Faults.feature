@faults @needs-third-parties
Feature: Faults
  Third parties go down, break connections, stall and dribble; names stop resolving. The proxy
  turns each fault into the documented status within its configured timeouts (docs/proxy.md,
  "Refusals and failures"), never hangs the app, and serves normally again once the fault is gone.
  TLS failures are in the TLS origination feature. The local target runs the proxy with a connect
  timeout and an activity timeout of 10 s.

  Rule: A third party that accepts no connection gives 502 connect_failure
    Scenario: A listed third party with nothing listening
      When the meshed app sends "GET /down" to "down.example.test.egress.local"
      Then the app receives status 502 with reason "connect_failure"
      And a normal request to "api.example.test.egress.local" succeeds

  Rule: A name that does not resolve gives 502 dns_failure, without a connection
    Scenario: A listed name the cluster DNS answers NXDOMAIN for
      When the meshed app sends "GET /nxdomain" to "missing.corp.test.egress.local"
      Then the app receives status 502 with reason "dns_failure"
      And the internal service saw no connection
      And a normal request to "api.example.test.egress.local" succeeds

  Rule: A third party that stops answering gives 504 timeout within the activity timeout
    Scenario: A third party that never answers
      When the meshed app sends "GET /stall" to "faulty.example.test.egress.local"
      Then the app receives status 504 with reason "timeout"
      And a normal request to "faulty.example.test.egress.local" succeeds

  Rule: A third party that breaks off its answer never yields a complete response
    Scenario: A third party that resets the connection after its headers
      When the meshed app sends "GET /reset" to "faulty.example.test.egress.local"
      Then the app never receives a complete response
      And a normal request to "faulty.example.test.egress.local" succeeds

  Rule: A third party that sends its body slowly, but within the activity timeout, is waited for
    Scenario: A body that trickles in small pieces arrives whole
      When the meshed app sends "GET /trickle" to "faulty.example.test.egress.local"
      Then the app receives the whole body the third party promised

  Rule: Slow clients do not starve the others
    @needs-raw-connection
    Scenario: A request succeeds while a hundred connections dribble their headers
      Given 100 connections to the egress proxy that each sent "GET /slow HT" and nothing more
      When the meshed app sends "GET /meanwhile" to "api.example.test.egress.local"
      Then the app receives status 200
