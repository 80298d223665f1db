@hostile-input @needs-raw-connection @needs-third-parties
Feature: Hostile input
  Anything in the cluster can send the egress proxy bytes, including a compromised pod. Whatever
  those bytes are, the proxy either answers with a clear 4xx, or closes the connection where HTTP
  allows nothing else, and then opens no connection to a third party for them; or it forwards the
  request without the headers a third party must not get. It goes on serving everyone else. Requests are written line by line as sent: each line ends with CRLF, `\xNN` is the
  byte NN and `{c*N}` is N times the character c.

  Rule: A request whose body framing is ambiguous is refused, so nothing can be smuggled behind it
    A body that turns out malformed only while it streams may already have begun its way to the
    third party; the third party never receives it as a complete request.

    Scenario Outline: A request with <framing> is refused before it reaches a third party
      When a client sends these lines to the egress proxy:
        """
        POST /smuggle HTTP/1.1
        Host: faulty.example.test.egress.local
        <framing headers>

        <body>
        GET /smuggled HTTP/1.1
        Host: faulty.example.test.egress.local

        """
      Then the proxy refuses it with a 4xx status or by closing the connection
      And the third party "faulty.example.test" receives no request
      And a normal request to "faulty.example.test.egress.local" succeeds

      Examples:
        | framing                                  | framing headers                                       | body        |
        | Content-Length and Transfer-Encoding     | Content-Length: 5\nTransfer-Encoding: chunked          | 0\n         |
        | two different Content-Lengths            | Content-Length: 5\nContent-Length: 6                   | 0\n\n       |
        | a Content-Length that is not a number    | Content-Length: 5x                                     | 0\n\n       |
        | a chunk size that is not hexadecimal     | Transfer-Encoding: chunked                             | zz\nabc\n0\n |
        | a transfer coding other than chunked     | Transfer-Encoding: gzip, identity                      | 0\n         |
        | a Content-Length with a sign             | Content-Length: +5                                     | 0\n\n       |

  Rule: The Host header names exactly one well-formed egress name
    Scenario Outline: A request with <problem> is refused without a connection
      When a client sends these lines to the egress proxy:
        """
        GET /hostile HTTP/1.1
        <host lines>

        """
      Then the proxy refuses it with a 4xx status or by closing the connection
      And the third party "api.example.test" receives no request
      And the internal service saw no connection
      And a normal request to "api.example.test.egress.local" succeeds

      Examples:
        | problem                                   | host lines                                                                             |
        | two Host headers                          | Host: api.example.test.egress.local\nHost: intranet.corp.test.egress.local              |
        | no Host header                            | Accept: */*                                                                            |
        | a control character in Host               | Host: api.example.test\x01.egress.local                                                |
        | a NUL byte in Host                        | Host: api.example.test\x00.intranet.corp.test.egress.local                             |
        | a line break inside Host                  | Host: api.example.test.egress.local\x0dX-Injected: 1                                   |
        | percent-encoding in Host                  | Host: api%2eexample.test.egress.local                                                  |
        | an encoded internal name in Host          | Host: intranet%2Ecorp%2Etest.egress.local                                              |
        | user information in Host                  | Host: api.example.test.egress.local@intranet.corp.test.egress.local                    |
        | user information before the egress name   | Host: user:secret@api.example.test.egress.local                                        |
        | a listed name of 254 characters           | Host: {a*62}.{b*62}.{c*62}.{d*55}.corp.test.egress.local                                |
        | a listed name with a label of 64 characters | Host: {a*64}.corp.test.egress.local                                                  |

  Rule: A header block beyond the proxy's limits is refused
    Scenario Outline: A request with <count> headers of <size> bytes is refused
      When a client sends a request to "api.example.test.egress.local" with <count> headers of <size> bytes each
      Then the proxy refuses it with status 431
      And the third party "api.example.test" receives no request
      And a normal request to "api.example.test.egress.local" succeeds

      Examples:
        | count | size |
        | 40    | 1000 |
        | 150   | 8    |

  Rule: The proxy forwards requests; it opens no tunnels and follows no other destination than Host
    Scenario: CONNECT is refused without a connection
      When a client sends these lines to the egress proxy:
        """
        CONNECT unlisted.example.test:443 HTTP/1.1
        Host: unlisted.example.test:443

        """
      Then the proxy refuses it with a 4xx status or by closing the connection
      And the third party "unlisted.example.test" saw no connection
      And a normal request to "api.example.test.egress.local" succeeds

    Scenario: An absolute-form target that names another destination than Host is refused
      When a client sends these lines to the egress proxy:
        """
        GET http://unlisted.example.test.egress.local/absolute HTTP/1.1
        Host: api.example.test.egress.local

        """
      Then the proxy refuses it with a 4xx status or by closing the connection
      And the third party "api.example.test" receives no request
      And the third party "unlisted.example.test" saw no connection
      And a normal request to "api.example.test.egress.local" succeeds

  Rule: TLS spoken to the plaintext port gets a refusal, not a tunnel
    Scenario: A TLS ClientHello on the plaintext port is refused
      When a client starts a TLS handshake with "api.example.test" on the egress proxy's plaintext port
      Then the proxy refuses it with a 4xx status or by closing the connection
      And a normal request to "api.example.test.egress.local" succeeds

  Rule: Whatever Connection names never reaches a third party
    A header that Connection names is meant for the proxy alone. Once the proxy's server has read a Connection
    field that also holds close, keep-alive or Upgrade, it keeps only that option, so the proxy could not strip the
    names: a Connection field naming any header but TE and HTTP2-Settings is refused.

    Scenario Outline: Connection naming a header next to <options> is refused
      When a client sends these lines to the egress proxy:
        """
        GET /hop HTTP/1.1
        Host: api.example.test.egress.local
        <connection lines>
        X-Hop-Secret: leak

        """
      Then the proxy refuses it with a 4xx status or by closing the connection
      And the third party "api.example.test" receives no request
      And a normal request to "api.example.test.egress.local" succeeds

      Examples:
        | options           | connection lines                                  |
        | close             | Connection: close, X-Hop-Secret                   |
        | keep-alive        | Connection: X-Hop-Secret, keep-alive              |
        | Upgrade           | Connection: Upgrade, x-hop-secret\nUpgrade: h2c   |
        | a second field    | Connection: keep-alive\nConnection: X-Hop-Secret  |

    Scenario: A cleartext HTTP/2 upgrade is ignored and none of it is forwarded
      When a client sends these lines to the egress proxy:
        """
        GET /h2c HTTP/1.1
        Host: api.example.test.egress.local
        Connection: Upgrade, HTTP2-Settings
        Upgrade: h2c
        HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA

        """
      Then the third party "api.example.test" receives none of these headers:
        | header         |
        | HTTP2-Settings |
        | Upgrade        |

  Rule: A header value holding a control character is refused
    Upstream connections are pooled and shared by every app: a byte that some server reads as the end of a field
    would let one app's request reshape the next one on the same connection.

    Scenario Outline: A header value holding the byte <byte> is refused
      When a client sends these lines to the egress proxy:
        """
        GET /control HTTP/1.1
        Host: api.example.test.egress.local
        X-Custom: before<byte>after

        """
      Then the proxy refuses it with a 4xx status or by closing the connection
      And the third party "api.example.test" receives no request
      And a normal request to "api.example.test.egress.local" succeeds

      Examples:
        | byte |
        | \x01 |
        | \x0b |
        | \x0c |
        | \x1b |
        | \x1f |
        | \x7f |

  Rule: Header names holding an underscore do not reach a third party
    Servers behind CGI, WSGI or Rack read `_` as `-`: `Transfer_Encoding` would become the header that frames the
    body, `X_Forwarded_For` the header the proxy strips.

    Scenario: Headers whose names hold an underscore are dropped
      When a client sends these lines to the egress proxy:
        """
        GET /underscore HTTP/1.1
        Host: api.example.test.egress.local
        Transfer_Encoding: chunked
        X_Forwarded_For: 10.42.0.17
        Proxy_Authorization: Basic c2VjcmV0OnNlY3JldA==

        """
      Then the third party "api.example.test" receives none of these headers:
        | header              |
        | Transfer_Encoding   |
        | X_Forwarded_For     |
        | Proxy_Authorization |

  Rule: Proxy headers do not reach a third party
    `Proxy` is the httpoxy header: a CGI server turns it into the HTTP_PROXY its own client then uses.

    Scenario: Proxy and every Proxy-* header are dropped
      When a client sends these lines to the egress proxy:
        """
        GET /proxy-headers HTTP/1.1
        Host: api.example.test.egress.local
        Proxy: http://attacker.example.test:8080
        Proxy-Foo: bar
        Proxy-Connection: keep-alive

        """
      Then the third party "api.example.test" receives none of these headers:
        | header           |
        | Proxy            |
        | Proxy-Foo        |
        | Proxy-Connection |

  Rule: A protocol upgrade is a tunnel, refused unless the destination opts in
    Scenario Outline: An upgrade to <protocol> is refused without a request
      When a client sends these lines to the egress proxy:
        """
        GET /upgrade HTTP/1.1
        Host: api.example.test.egress.local
        Connection: Upgrade
        Upgrade: <protocol>
        Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==
        Sec-WebSocket-Version: 13

        """
      Then the proxy refuses it with a 4xx status or by closing the connection
      And the third party "api.example.test" receives no request
      And a normal request to "api.example.test.egress.local" succeeds

      Examples:
        | protocol  |
        | websocket |
        | foo       |

  Rule: A listed name whose DNS answer is special-purpose IPv6 space is refused
    @needs-special-purpose-names
    Scenario Outline: A name resolving to the <block> block is refused
      Given the cluster DNS answers "<name>" with "<address>"
      When the meshed app sends "GET /" to "<name>.egress.local"
      Then the app receives status 403
      And the internal service saw no connection

      Examples:
        | block                    | name                    | address   |
        | documentation 3fff::/20  | documentation.corp.test | 3fff::1   |
        | benchmarking 2001:2::/48 | benchmarking.corp.test  | 2001:2::1 |
        | Teredo 2001::/32         | teredo.corp.test        | 2001::1   |
