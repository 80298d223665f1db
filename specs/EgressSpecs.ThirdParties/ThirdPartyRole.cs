namespace EgressSpecs.ThirdParties;

/// <summary>The third parties a target provides, each standing for one kind of destination.</summary>
public enum ThirdPartyRole
{
    /// <summary>The allowed HTTPS API (WireMock.Net): any path 200 JSON, <c>.../redirect/...</c>, <c>.../status/{code}</c>, <c>.../large/{bytes}</c>.</summary>
    Api,

    /// <summary>An allowed HTTPS listener that records each TLS handshake's SNI and protocol.</summary>
    TlsInspector,

    /// <summary>Allowed, trusted CA, but its certificate is for another name.</summary>
    WrongName,

    /// <summary>Allowed, right name, but self-signed.</summary>
    SelfSigned,

    /// <summary>Allowed, right name, issued by a CA the proxy does not trust.</summary>
    UntrustedIssuer,

    /// <summary>A valid trusted certificate, deliberately not in the proxy's allowlist.</summary>
    Unlisted,

    /// <summary>Stands for the Kubernetes API and cloud metadata: an internal address that must never see a connection.</summary>
    InternalService,

    /// <summary>Allowed, trusted certificate, with faults by path: <c>.../reset</c> aborts after the headers, <c>.../stall</c> never answers, <c>.../trickle</c> sends its body slowly.</summary>
    Faulty,
}
