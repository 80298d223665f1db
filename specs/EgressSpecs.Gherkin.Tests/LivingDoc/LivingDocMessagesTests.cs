using EgressSpecs.Gherkin.LivingDoc;
using EgressSpecs.Gherkin.Ordering;
using Io.Cucumber.Messages.Types;
using Xunit;
using Xunit.v3;
using CucumberException = Io.Cucumber.Messages.Types.Exception;

namespace EgressSpecs.Gherkin.Tests.LivingDoc;

public sealed class LivingDocMessagesTests
{
    private static readonly FeatureOrder Order = new(["Features/Forwarding", "Features/Tls"]);

    [Fact]
    public void Rewrite_SourceOfADeclaredFeature_PrefixesItsUriWithItsPosition()
    {
        // Given
        var envelope = Envelope.Create(new Source("Features/Tls/TlsOrigination.feature", "Feature: TLS", SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN));

        // When
        var rewritten = LivingDocMessages.Rewrite(envelope, Order);

        // Then
        Assert.Equal("02 Features/Tls/TlsOrigination.feature", rewritten.Source.Uri);
    }

    [Fact]
    public void Rewrite_PickleOfAFeatureNotDeclared_KeepsItsUri()
    {
        // Given
        var envelope = Envelope.Create(new Pickle("p1", "Features/Dns/DnsRule.feature", "A name", "en", [], [], ["s1"]));

        // When
        var rewritten = LivingDocMessages.Rewrite(envelope, Order);

        // Then
        Assert.Same(envelope, rewritten);
    }

    [Fact]
    public void Rewrite_SkippedStepWithTheSkipException_KeepsOnlyTheReasonAsAMessage()
    {
        // Given
        var skip = new CucumberException("SkipException", DynamicSkipToken.Value + "no mesh on the local target", "   at Xunit.Assert.Skip(String reason)");
        var envelope = Envelope.Create(new TestStepFinished("case", "step",
            new TestStepResult(new Duration(0, 1000), null, TestStepResultStatus.SKIPPED, skip), new Timestamp(1, 0)));

        // When
        var result = LivingDocMessages.Rewrite(envelope, Order).TestStepFinished.TestStepResult;

        // Then
        Assert.Equal((TestStepResultStatus.SKIPPED, "no mesh on the local target", (CucumberException?)null), (result.Status, result.Message, result.Exception));
    }

    [Fact]
    public void Rewrite_FailedStep_KeepsItsExceptionAndTrace()
    {
        // Given
        var failure = new CucumberException("EqualException", "Assert.Equal() Failure", "   at Steps.Then()");
        var envelope = Envelope.Create(new TestStepFinished("case", "step",
            new TestStepResult(new Duration(0, 1000), null, TestStepResultStatus.FAILED, failure), new Timestamp(1, 0)));

        // When
        var rewritten = LivingDocMessages.Rewrite(envelope, Order);

        // Then
        Assert.Same(envelope, rewritten);
    }
}
