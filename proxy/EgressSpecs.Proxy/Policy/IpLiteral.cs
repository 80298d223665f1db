using System.Buffers;
using System.Net;

namespace EgressSpecs.Proxy.Policy;

/// <summary>
/// Recognises every textual form of an IP address that some resolver or URL parser would accept:
/// dotted, short (<c>127.1</c>), decimal (<c>2130706433</c>), hex (<c>0x7f000001</c>), octal (<c>0177.0.0.1</c>), IPv6.
/// </summary>
internal static class IpLiteral
{
    private static readonly SearchValues<char> HexDigits =
        SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>
    /// True for IPv6 text and for any name whose last label is a number, which the WHATWG URL standard
    /// (and glibc's inet_aton) treats as IPv4 even when the value is out of range.
    /// </summary>
    public static bool IsLiteral(ReadOnlySpan<char> name)
    {
        if (name.Contains(':'))
        {
            return true;
        }

        if (name.EndsWith('.'))
        {
            name = name[..^1];
        }

        var lastLabel = name[(name.LastIndexOf('.') + 1)..];
        return IsNumber(lastLabel);
    }

    /// <summary>Parses IPv4 the way the WHATWG URL standard does (1-4 parts, each decimal, 0x-hex or 0-octal).</summary>
    public static bool TryParseIPv4(ReadOnlySpan<char> text, out IPAddress address)
    {
        address = IPAddress.None;
        if (text.EndsWith('.'))
        {
            text = text[..^1];
        }

        Span<ulong> parts = stackalloc ulong[4];
        var count = 0;
        foreach (var range in text.Split('.'))
        {
            if (count == 4 || !TryParsePart(text[range], out parts[count]))
            {
                return false;
            }

            count++;
        }

        if (count == 0)
        {
            return false;
        }

        for (var i = 0; i < count - 1; i++)
        {
            if (parts[i] > 255)
            {
                return false;
            }
        }

        var last = parts[count - 1];
        if (last >= 1UL << (8 * (5 - count)))
        {
            return false;
        }

        var value = last;
        for (var i = 0; i < count - 1; i++)
        {
            value += parts[i] << (8 * (3 - i));
        }

        address = new IPAddress([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);
        return true;
    }

    private static bool IsNumber(ReadOnlySpan<char> label)
    {
        if (label.IsEmpty)
        {
            return false;
        }

        if (label.Length >= 2 && label[0] == '0' && (label[1] is 'x' or 'X'))
        {
            return !label[2..].ContainsAnyExcept(HexDigits);
        }

        return !label.ContainsAnyExceptInRange('0', '9');
    }

    private static bool TryParsePart(ReadOnlySpan<char> part, out ulong value)
    {
        value = 0;
        if (part.IsEmpty)
        {
            return false;
        }

        var radix = 10;
        if (part.Length >= 2 && part[0] == '0' && (part[1] is 'x' or 'X'))
        {
            radix = 16;
            part = part[2..];
        }
        else if (part.Length >= 2 && part[0] == '0')
        {
            radix = 8;
            part = part[1..];
        }

        foreach (var c in part)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => int.MaxValue,
            };
            if (digit >= radix)
            {
                return false;
            }

            value = (value * (ulong)radix) + (ulong)digit;
            if (value > uint.MaxValue)
            {
                return false;
            }
        }

        return true;
    }
}
