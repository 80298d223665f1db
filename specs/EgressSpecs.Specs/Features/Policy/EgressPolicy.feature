@policy @needs-third-parties
Feature: Egress policy
  The egress proxy is a door out of the cluster, so it opens only for destinations the platform
  team has listed, and never into the cluster or the machine itself, however the name is written.
  Refusals happen before any connection is opened, and nothing about the cluster leaks out.

  Rule: Only destinations on the allowlist are reached
    @poc-defect-5
    Scenario: A third party that is not on the allowlist is refused without a connection
      When the meshed app sends "GET /" to "unlisted.example.test.egress.local"
      Then the app receives status 403
      And the third party "unlisted.example.test" saw no connection

  Rule: Addresses inside the cluster or on the machine are never reached, however they are written
    @poc-defect-5
    Scenario Outline: <form> is refused without a connection
      When the meshed app sends "GET /" to "<name>.egress.local"
      Then the app receives a 4xx status
      And the internal service saw no connection

      Examples:
        | form                                           | name                   |
        | A dotted IPv4 literal                          | 127.0.0.1              |
        | A short IPv4 literal                           | 127.1                  |
        | A decimal IPv4 literal                         | 2130706433             |
        | A hexadecimal IPv4 literal                     | 0x7f000001             |
        | The loopback name                              | localhost              |
        | A cluster-internal service name                | kubernetes.default.svc |
        | A listed name whose DNS answer is internal     | intranet.corp.test     |

  Rule: Only well-formed egress names are served
    @poc-defect-2 @poc-defect-5
    Scenario Outline: A Host header with <form> is refused
      When the meshed app sends "GET /" to the egress proxy with the Host header "<host>"
      Then the app receives a 4xx status
      And the third party "api.example.test" receives no request

      Examples:
        | form                                 | host                                       |
        | no egress suffix                     | api.example.test                           |
        | an empty name before the suffix      | .egress.local                              |
        | more labels after the suffix         | api.example.test.egress.local.evil.test    |
        | the suffix twice                     | api.example.test.egress.local.egress.local |

  Rule: Nothing about the cluster or the app's credentials leaks to the third party
    @poc-defect-5
    Scenario: No forwarding headers and no proxy credentials reach the third party
      When the meshed app sends this request to "api.example.test.egress.local":
        """
        GET /profile
        Proxy-Authorization: Basic c2VjcmV0OnNlY3JldA==
        X-Forwarded-For: 10.42.0.17
        Forwarded: for=10.42.0.17
        """
      Then the app receives status 200
      And the third party "api.example.test" receives none of these headers:
        | header              |
        | X-Forwarded-For     |
        | X-Forwarded-Host    |
        | X-Forwarded-Proto   |
        | X-Forwarded-Prefix  |
        | Forwarded           |
        | Via                 |
        | Proxy-Authorization |
      And no header the third party "api.example.test" receives mentions "egress.local"
