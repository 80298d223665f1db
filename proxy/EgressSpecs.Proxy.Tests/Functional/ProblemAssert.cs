using System.Text.Json;

namespace EgressSpecs.Proxy.Tests.Functional;

/// <summary>Asserts a refusal's status, media type and stable reason code.</summary>
internal static class ProblemAssert
{
    public static async Task HasReasonAsync(HttpResponseMessage response, int status, string reason)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(reason, json.RootElement.GetProperty("reason").GetString());
        Assert.Equal(status, json.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("detail").GetString()));
    }
}
