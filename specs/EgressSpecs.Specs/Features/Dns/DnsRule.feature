@dns
Feature: The DNS rule
  Inside the cluster, one CoreDNS rule answers every `FOO.egress.local` question with the address
  of the egress proxy's Service. The rule ships in `infra/coredns-custom.yml`; every target applies
  that same file. An app asks the cluster DNS as a pod would, and a .NET app on Linux asks through
  glibc's resolver, which keeps only answer records whose owner is the name it asked for.

  Rule: An egress name resolves to the egress proxy
    Scenario: The cluster DNS answers an egress name with the proxy's address
      When a pod asks the cluster DNS for "api.example.test.egress.local"
      Then the answer holds the egress proxy's address

  Rule: The answer is for the name that was asked
    A rewrite without `answer auto` leaves the proxy's own name on the answer records. glibc
    (2.36 and newer) then drops them, and a .NET app on Linux reports "host not found".

    @poc-defect-1
    Scenario: Every answer record is owned by the question's name
      When a pod asks the cluster DNS for "api.example.test.egress.local"
      Then every answer record is owned by "api.example.test.egress.local."

    @poc-defect-1
    Scenario: An app that resolves through glibc gets the proxy's address
      When an app resolves "api.example.test.egress.local" through glibc's rules
      Then it gets the egress proxy's address

  Rule: Only names that end in .egress.local are rewritten
    @poc-defect-2
    Scenario Outline: The look-alike <name> is not sent to the proxy
      When a pod asks the cluster DNS for "<name>"
      Then the answer does not hold the egress proxy's address

      Examples:
        | name                                    |
        | x.egressXlocal.evil.test                |
        | api.example.test.egress.local.evil.test |

  Rule: Names are matched without regard to case, with or without the trailing dot
    Scenario Outline: The name <name> resolves to the proxy
      When a pod asks the cluster DNS for "<name>"
      Then the answer holds the egress proxy's address

      Examples:
        | name                           |
        | API.Example.Test.EGRESS.LOCAL  |
        | api.example.test.egress.local. |
