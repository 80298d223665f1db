using System.Globalization;
using System.Text;

namespace EgressSpecs.Dns.Server;

/// <summary>
/// Domain names between wire labels (bytes) and the presentation form CoreDNS works on. miekg/dns
/// (v1.1.68, msg.go UnpackDomainName) writes a label byte that is special in zone files
/// (<c>. space ' @ ; ( ) " \</c>) as <c>\c</c>, any byte outside printable ASCII as <c>\DDD</c>, and
/// everything else as itself; so a question such as <c>caf\195\169.example.</c> keeps every byte it was asked with.
/// </summary>
internal static class DnsWireName
{
    public static string ToPresentation(IReadOnlyList<byte[]> labels)
    {
        if (labels.Count == 0)
        {
            return ".";
        }

        var text = new StringBuilder();
        foreach (var label in labels)
        {
            foreach (var b in label)
            {
                if (b is (byte)'.' or (byte)' ' or (byte)'\'' or (byte)'@' or (byte)';' or (byte)'(' or (byte)')' or (byte)'"' or (byte)'\\')
                {
                    text.Append('\\').Append((char)b);
                }
                else if (b is < (byte)' ' or > (byte)'~')
                {
                    text.Append('\\').Append(b.ToString("D3", CultureInfo.InvariantCulture));
                }
                else
                {
                    text.Append((char)b);
                }
            }

            text.Append('.');
        }

        return text.ToString();
    }

    /// <summary>The wire form (length-prefixed labels, root byte last) of a presentation-form name, or null when it is not a valid name.</summary>
    public static byte[]? ToWire(string presentation)
    {
        var wire = new List<byte>();
        var label = new List<byte>();
        for (var i = 0; i < presentation.Length; i++)
        {
            var c = presentation[i];
            if (c == '\\')
            {
                if (IsDdd(presentation, i + 1))
                {
                    var value = int.Parse(presentation.AsSpan(i + 1, 3), CultureInfo.InvariantCulture);
                    if (value > 255)
                    {
                        return null;
                    }

                    label.Add((byte)value);
                    i += 3;
                }
                else if (i + 1 < presentation.Length && presentation[i + 1] < 0x80)
                {
                    label.Add((byte)presentation[i + 1]);
                    i++;
                }
                else
                {
                    return null;
                }

                continue;
            }

            if (c == '.')
            {
                if (!EndLabel())
                {
                    return null;
                }

                continue;
            }

            if (c >= 0x80)
            {
                return null;
            }

            label.Add((byte)c);
        }

        if (label.Count > 0 && !EndLabel())
        {
            return null;
        }

        wire.Add(0);
        return wire.Count <= 255 ? [.. wire] : null;

        bool EndLabel()
        {
            if (label.Count is 0 or > 63)
            {
                // Only the root name may have an empty label, and it has no other.
                return label.Count == 0 && wire.Count == 0 && presentation == ".";
            }

            wire.Add((byte)label.Count);
            wire.AddRange(label);
            label.Clear();
            return true;
        }
    }

    private static bool IsDdd(string text, int start) =>
        start + 3 <= text.Length && char.IsAsciiDigit(text[start]) && char.IsAsciiDigit(text[start + 1]) && char.IsAsciiDigit(text[start + 2]);
}
