namespace EgressSpecs.Specs.Drivers;

/// <summary>What came back on a raw connection: a status line and headers, the connection closed without one, or nothing in time.</summary>
internal sealed record RawExchange(int? StatusCode, bool Closed, string Head)
{
    public bool Refused => StatusCode is >= 400 and < 500 || (StatusCode is null && Closed);

    public override string ToString() => StatusCode is { } status
        ? $"HTTP {status} ({Head.Split("\r\n")[0]})"
        : Closed ? "the connection closed without a response" : $"no response and no close in time (got '{Head}')";
}
