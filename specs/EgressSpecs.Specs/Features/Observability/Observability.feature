@observability
Feature: Observability
  The point of the pattern is to see egress calls: Linkerd records them on the app side, and the
  egress proxy records them per destination. Kubernetes also needs to know when the proxy can
  take traffic.

  Rule: The proxy counts requests and their latency per destination
    @needs-proxy-admin @needs-third-parties
    Scenario: After a call, the proxy's metrics show the destination, the status and the latency
      When the meshed app sends "GET /counted" to "api.example.test.egress.local"
      Then the proxy's metrics count one more request to "api.example.test" with status 200
      And the proxy's metrics record one more latency sample for "api.example.test"

  Rule: Refusals are counted by reason, and a refused name never becomes a label
    @needs-proxy-admin
    Scenario: A refused destination shows up as a reason, not as a name
      When the meshed app sends "GET /" to "unlisted.example.test.egress.local"
      Then the proxy's metrics count one more denial with reason "not_allowed"
      And no metric mentions "unlisted.example.test"

  Rule: The proxy tells Kubernetes when it can take traffic
    @needs-proxy-admin
    Scenario: A running proxy is live and ready
      When the platform probes the proxy's health endpoints
      Then liveness answers 200
      And readiness answers 200

  Rule: Linkerd records every egress call on the app's side, over mTLS
    Linkerd counts the call on its route to the proxy's Service under the egress name (the `hostname`
    label, which the app pods turn on), and counts the proxy's responses as mTLS (`tls="true"`).

    @needs-mesh
    Scenario: The meshed app's Linkerd proxy shows the egress name and mTLS to the proxy
      When the meshed app sends "GET /meshed" to "api.example.test.egress.local"
      Then Linkerd on the app records the call to "api.example.test.egress.local" and its mTLS connection to the egress proxy
