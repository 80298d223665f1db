@dns
Feature: The DNS rule
  Inside the cluster, one CoreDNS rule answers every `FOO.egress.local` question with the address
  of the egress proxy's Service. The rule ships in `infra/coredns-custom.yml`; every target applies
  that same file. An app asks the cluster DNS as a pod would: through glibc's resolver, with the pod's
  search list, keeping only answer records whose owner is the name it asked for.

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

  Rule: The search-list expansions of an egress name are not rewritten
    A pod's resolv.conf says `options ndots:5` and `search <namespace>.svc.cluster.local svc.cluster.local
    cluster.local`, so glibc asks for `api.example.test.egress.local.<namespace>.svc.cluster.local.` and the
    other expansions, for A and AAAA, before the name itself. Each must be NXDOMAIN: the resolver then goes on
    to the name the app called, and that is the one the rule sends to the proxy. A rule that matches the
    expansions too answers for names outside `.egress.local`.

    @poc-defect-2
    Scenario: Every search-list expansion of an egress name is NXDOMAIN
      When a pod asks the cluster DNS for "api.example.test.egress.local" under each domain of its search list
      Then every expansion is NXDOMAIN

  Rule: An IPv6 question for an egress name does not spoil the IPv4 answer
    The proxy's Service has an IPv4 address, and curl asks for A and AAAA together. The AAAA question must
    say that the name exists (NOERROR) and hold no address but the proxy's: NXDOMAIN or SERVFAIL there makes
    musl's resolver (Alpine images) drop the IPv4 answer as well.

    Scenario: The cluster DNS says an egress name exists when asked for its IPv6 address
      When a pod asks the cluster DNS for the IPv6 address of "api.example.test.egress.local"
      Then the name exists, with no IPv6 address but the egress proxy's

    Scenario: An app that asks for IPv4 and IPv6 at once gets the proxy's address
      When an app resolves "api.example.test.egress.local" for IPv4 and IPv6 through glibc's rules
      Then it gets the egress proxy's address

  Rule: Names are matched without regard to case, with or without the trailing dot
    Scenario Outline: The name <name> resolves to the proxy
      When a pod asks the cluster DNS for "<name>"
      Then the answer holds the egress proxy's address

      Examples:
        | name                           |
        | API.Example.Test.EGRESS.LOCAL  |
        | api.example.test.egress.local. |
