using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace EgressSpecs.ThirdParties;

/// <summary>
/// A third party takes whatever a proxy forwards: with Kestrel's defaults (100 header fields, 32 KiB of headers) the
/// third party itself would answer 431 to a header block the proxy should have refused, the proxy would relay that
/// 431, and the scenario would credit the proxy with a limit it does not have. With these limits the request reaches
/// the third party, is recorded, and "receives no request" fails as it should.
/// </summary>
internal static class GenerousLimits
{
    public static void Apply(KestrelServerLimits limits)
    {
        // Ten times the header count and sixteen times the bytes of the proxy's own limits (docs/proxy.md), and within
        // Kestrel's request buffer (1 MiB by default), which must hold the whole header block.
        limits.MaxRequestHeaderCount = 1000;
        limits.MaxRequestHeadersTotalSize = 512 * 1024;
        limits.MaxRequestLineSize = 64 * 1024;
        limits.Http2.MaxRequestHeaderFieldSize = 512 * 1024;
    }
}
