@tls @needs-third-parties
Feature: TLS origination
  The app speaks plain HTTP to the proxy (inside the mesh Linkerd wraps that hop in mTLS);
  the proxy opens TLS to the third party. That TLS is only worth something if the proxy names
  the third party (SNI) and checks that the certificate proves the third party's identity.

  Rule: The proxy names the third party in the TLS handshake and uses a modern TLS version
    @poc-defect-4
    Scenario: The third party sees its own name as SNI and TLS 1.2 or newer
      When the meshed app sends "GET /hello" to "inspector.example.test.egress.local"
      Then the app receives status 200
      And the third party "inspector.example.test" saw the TLS server name "inspector.example.test"
      And the third party "inspector.example.test" saw TLS 1.2 or newer

  Rule: A certificate that does not prove the third party's identity stops the call before any request is sent
    @poc-defect-4
    Scenario Outline: A certificate with <problem> is refused
      When the meshed app sends "GET /secret" to "<name>.egress.local"
      Then the app receives status 502
      And the third party "<name>" receives no request

      Examples:
        | problem                  | name                    |
        | the name of another host | wrong.example.test      |
        | no issuer but itself     | selfsigned.example.test |
        | an issuer nobody trusts  | untrusted.example.test  |

  Rule: Connections to a third party are kept and reused
    A new TLS handshake for every request costs the proxy and the third party about a
    millisecond of CPU each. A proxy that pools its connections pays it once per connection.

    @poc-defect-4
    Scenario: Twenty requests in a row share one or two TLS connections
      When the meshed app sends "GET /again" to "inspector.example.test.egress.local" 20 times in a row
      Then every response has status 200
      And the third party "inspector.example.test" saw those requests on at most 2 TLS connections
