@forwarding @needs-third-parties
Feature: Forwarding
  An app in the mesh calls a third party in plain HTTP at `http://FOO.egress.local/...`.
  The egress proxy turns that call into an HTTPS call to `https://FOO` and carries the request
  and the response through unchanged, apart from the name: the app says `FOO.egress.local`,
  the third party hears `FOO`.

  Rule: The request arrives at the third party as the app sent it

    Scenario: A POST with a query, headers and a JSON body arrives unchanged
      When the meshed app sends this request to "api.example.test.egress.local":
        """
        POST /orders?page=2&sort=desc
        Content-Type: application/json
        X-Request-Id: 42-abc

        {"item":"book","quantity":1}
        """
      Then the app receives status 200
      And the third party "api.example.test" receives that request unchanged

    Scenario: The egress name is matched without regard to case and with a trailing dot
      When the meshed app sends "GET /case" to "API.Example.Test.EGRESS.LOCAL."
      Then the app receives status 200
      And the third party "api.example.test" receives "GET /case"

  Rule: The third party hears its own name

    Scenario: The Host header carries the third party's name, not the egress name
      When the meshed app sends "GET /whoami" to "api.example.test.egress.local"
      Then the third party "api.example.test" sees the Host header "api.example.test"

  Rule: Large bodies stream through in both directions, byte for byte

    Scenario: An 8 MiB upload arrives intact
      When the meshed app uploads 8 MiB to "api.example.test.egress.local"
      Then the app receives status 200
      And the third party "api.example.test" receives the same 8 MiB

    Scenario: A 4 MiB download arrives intact
      When the meshed app downloads 4 MiB from "api.example.test.egress.local"
      Then the app receives status 200
      And the app receives the 4 MiB the third party sent

  Rule: Redirects keep the app on the egress path
    A third party that redirects to its own `https://` address would send the app around the
    proxy, or make it fail outside the mesh. The proxy rewrites such a `Location` to the egress name.

    Scenario: A redirect to the third party's own address comes back as an egress address
      When the meshed app sends "GET /redirect/moved" to "api.example.test.egress.local"
      Then the app receives status 302
      And the Location header is "http://api.example.test.egress.local/landing"
