@safe-failure @needs-third-parties
Feature: Safe failure
  Plain HTTP is only safe where the mesh wraps it. The pattern promises that a plaintext call to
  `FOO.egress.local` fails, rather than leaks, wherever the mesh and the proxy are not there to
  protect it.

  Rule: Outside the cluster the plaintext call fails at name resolution
    Scenario: An app outside the cluster cannot resolve the egress name
      When an app outside the cluster sends "GET /outside" to "api.example.test.egress.local"
      Then the call fails because the name does not resolve
      And the third party "api.example.test" receives no request

  Rule: Without the proxy the call fails; it never goes direct
    @needs-proxy-down
    Scenario: With the egress proxy down, the call is refused
      Given the egress proxy is down
      When the meshed app sends "GET /down" to "api.example.test.egress.local"
      Then the call fails because the connection is refused
      And the third party "api.example.test" receives no request

  Rule: Inside the cluster only meshed apps are served
    A pod without the Linkerd sidecar resolves the same name, but its call would cross the node
    network in plain text. The proxy accepts only mTLS-authenticated clients.

    @needs-unmeshed-pod @needs-mesh @poc-defect-6
    Scenario: A plaintext call from an unmeshed pod is refused
      When an unmeshed pod sends "GET /unmeshed" to "api.example.test.egress.local"
      Then the call is refused
      And the third party "api.example.test" receives no request

  Rule: Apps reach the internet only through the egress proxy
    @needs-network-policy @poc-defect-7
    Scenario: A direct HTTPS call from an app namespace is blocked
      When the meshed app calls "https://api.example.test/direct" directly
      Then the network blocks the call
      And the third party "api.example.test" receives no request
