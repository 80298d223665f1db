@shutdown @needs-third-parties
Feature: Shutdown
  Kubernetes stops a pod with SIGTERM, and removes it from the Service's endpoints at about the
  same time. The proxy says it is not ready at once, keeps its listeners open for the readiness
  delay so no new connection is refused, lets what is in flight finish within the drain timeout,
  and exits 0 (docs/proxy.md, "Shutdown"). Each scenario stops a proxy of its own.

  Rule: On SIGTERM readiness turns 503, a download in flight completes in full, and the proxy exits 0
    @needs-own-proxy
    Scenario: A download in flight survives SIGTERM
      Given an egress proxy of the scenario's own with a readiness delay of 1 s and a drain timeout of 10 s
      And the meshed app is downloading "/trickle" from "faulty.example.test.egress.local" through it
      When the proxy receives SIGTERM
      Then its readiness turns 503 before its listeners close
      And the download completes in full
      And the proxy exits with code 0 within the readiness delay and the drain timeout
