using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EgressSpecs.Dns.Rewrite;

/// <summary>
/// Reads the rewrite directives out of a Kubernetes ConfigMap manifest (such as k3s's
/// kube-system/coredns-custom): every <c>data</c> value is a Corefile snippet, read in key order
/// (the order of k3s's <c>import /etc/coredns/custom/*.override</c> glob). Line numbers stay those of the file.
/// </summary>
internal static class ConfigMapReader
{
    public static bool LooksLikeConfigMap(string text) =>
        text.Split('\n').Any(line => line.Trim() is "kind: ConfigMap" or "kind: \"ConfigMap\"" or "kind: 'ConfigMap'");

    public static List<CorefileDirective> ReadRewriteDirectives(string text, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            throw new RewriteRuleFormatException(source, (int)exception.Start.Line, LineAt(text, (int)exception.Start.Line),
                "not valid YAML", exception);
        }

        var directives = new List<CorefileDirective>();
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is not YamlMappingNode root || Scalar(root, "kind") != "ConfigMap")
            {
                continue;
            }

            if (!root.Children.TryGetValue(new YamlScalarNode("data"), out var data) || data is not YamlMappingNode entries)
            {
                continue;
            }

            foreach (var (key, value) in entries.Children.OrderBy(entry => entry.Key.ToString(), StringComparer.Ordinal))
            {
                if (value is not YamlScalarNode scalar || scalar.Value is null)
                {
                    throw new RewriteRuleFormatException(source, (int)key.Start.Line, LineAt(text, (int)key.Start.Line),
                        "ConfigMap data values must be strings");
                }

                // A block scalar (| or >) starts on the line after its indicator.
                var blockScalar = scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded;
                var firstLine = (int)scalar.Start.Line + (blockScalar ? 1 : 0);
                directives.AddRange(CorefileReader.ReadRewriteDirectives(scalar.Value, firstLine, source));
            }
        }

        return directives;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

    private static string LineAt(string text, int lineNumber)
    {
        var lines = text.Split('\n');
        return lineNumber >= 1 && lineNumber <= lines.Length ? lines[lineNumber - 1].Trim() : "";
    }
}
