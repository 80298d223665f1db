namespace EgressSpecs.Environments.Tests.ThirdParties;

public sealed class ThirdPartiesOptionsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("egress-specs-third-parties-options-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Load_ValidFile_ReadsEveryParty()
    {
        // Given
        var path = Write(Party("Api", "api.example.test", "127.0.0.2:0"));

        // When
        var options = ThirdPartiesOptions.Load(path);

        // Then
        var party = Assert.Single(options.Parties);
        Assert.Equal(ThirdPartyRole.Api, party.Role);
        Assert.Equal("api.example.test", party.Host);
        Assert.True(options.SharePort);
    }

    [Theory]
    [InlineData("""{"observationApi":"127.0.0.1:0","parties":[],"colour":"blue"}""", "colour")]
    [InlineData("""{"observationApi":"127.0.0.1:0","parties":[]}""", "parties is empty")]
    [InlineData("""{"observationApi":"localhost","parties":[]}""", "observationApi 'localhost'")]
    [InlineData("""{"observationApi":"127.0.0.1:0","parties":[{"role":"Banana","host":"a.test","listen":"127.0.0.1:0","certificateFile":"x","keyFile":"y"}]}""", "$.parties[0].role")]
    public void Load_BadFile_FailsNamingTheFieldAtFault(string json, string named)
    {
        // Given
        var path = Path.Combine(_directory, "bad.json");
        File.WriteAllText(path, json);

        // When
        var failure = Assert.Throws<InvalidDataException>(() => ThirdPartiesOptions.Load(path));

        // Then
        Assert.Contains(path, failure.Message);
        Assert.Contains(named, failure.Message);
    }

    [Fact]
    public void Load_MissingCertificate_NamesThePartyAndTheFile()
    {
        // Given
        var path = Write(Party("Api", "api.example.test", "127.0.0.2:0").Replace("api.crt", "gone.crt", StringComparison.Ordinal));

        // When
        var failure = Assert.Throws<InvalidDataException>(() => ThirdPartiesOptions.Load(path));

        // Then
        Assert.Contains("parties[0].certificateFile", failure.Message);
        Assert.Contains("gone.crt", failure.Message);
    }

    [Fact]
    public void Load_SharedPortWithDifferentPorts_Fails()
    {
        // Given
        var path = Write(Party("Api", "api.example.test", "127.0.0.2:1000"), Party("Faulty", "faulty.example.test", "127.0.0.8:2000"));

        // When
        var failure = Assert.Throws<InvalidDataException>(() => ThirdPartiesOptions.Load(path));

        // Then
        Assert.Contains("listen ports differ", failure.Message);
    }

    private string Party(string role, string host, string listen)
    {
        File.WriteAllText(Path.Combine(_directory, "api.crt"), "not read until start");
        File.WriteAllText(Path.Combine(_directory, "api.key"), "not read until start");
        return $$"""{"role":"{{role}}","host":"{{host}}","listen":"{{listen}}","certificateFile":"{{_directory}}/api.crt","keyFile":"{{_directory}}/api.key"}""";
    }

    private string Write(params string[] parties)
    {
        var path = Path.Combine(_directory, "third-parties.json");
        File.WriteAllText(path, $$"""{"observationApi":"127.0.0.1:0","sharePort":true,"parties":[{{string.Join(',', parties)}}]}""");
        return path;
    }
}
