using System.Globalization;
using System.Text;

namespace EgressSpecs.Dns.Rewrite;

/// <summary>
/// Reads a pattern with Go's regexp/syntax rules (Perl flags, as <c>regexp.Compile</c> uses them) and
/// writes a .NET pattern that matches the same strings with the same groups. Go refuses what RE2 cannot
/// do (backreferences, lookaround, atomic groups, <c>\Z</c>, ...); so does this reader, with Go's error
/// names. Checked against golang/go src/regexp/syntax/parse.go and perl_groups.go.
/// </summary>
/// <remarks>
/// What differs between the two syntaxes and is handled here:
/// every group, named or not, is numbered by its opening parenthesis (Go), so named groups are written
/// as plain groups; <c>\d \w \s \b</c> and the POSIX classes are ASCII-only; <c>$</c> without <c>(?m)</c>
/// is the end of the text (<c>\z</c>), never "before a final newline"; <c>.</c> and <c>(?s)</c>, <c>(?U)</c>
/// (swap greedy and lazy) and octal escapes such as <c>\141</c> follow Go. Unicode script classes such as
/// <c>\p{Greek}</c> are refused: .NET has general categories only.
/// </remarks>
internal sealed class GoRegexTranslator
{
    private const int MaxRepeat = 1000;
    private const string AsciiWord = "0-9A-Za-z_";

    private static readonly Dictionary<string, string> PosixClasses = new(StringComparer.Ordinal)
    {
        ["alnum"] = "0-9A-Za-z",
        ["alpha"] = "A-Za-z",
        ["ascii"] = @"\u0000-\u007F",
        ["blank"] = @"\t ",
        ["cntrl"] = @"\u0000-\u001F\u007F",
        ["digit"] = "0-9",
        ["graph"] = @"!-~",
        ["lower"] = "a-z",
        ["print"] = @" -~",
        ["punct"] = @"!-/:-@\[-`{-~",
        ["space"] = @"\t\n\u000B\f\r ",
        ["upper"] = "A-Z",
        ["word"] = AsciiWord,
        ["xdigit"] = "0-9A-Fa-f",
    };

    private static readonly HashSet<string> UnicodeCategories = new(StringComparer.Ordinal)
    {
        "C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn",
        "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps",
        "S", "Sc", "Sk", "Sm", "So", "Z", "Zl", "Zp", "Zs",
    };

    private readonly string _pattern;
    private readonly StringBuilder _output = new();
    private readonly Stack<GroupFrame> _groups = new();
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private int _position;
    private Flags _flags;

    // What the last emitted piece is, for repetition: where it starts in _output, whether it can be
    // repeated, whether it is itself a repetition, and the largest repeat count nested inside it.
    private int _lastAtomStart = -1;
    private int _lastAtomEnd = -1;
    private bool _lastIsRepeat;
    private int _lastAtomWeight = 1;
    private int _sequenceWeight = 1;

    private GoRegexTranslator(string pattern) => _pattern = pattern;

    [Flags]
    private enum Flags
    {
        None = 0,
        FoldCase = 1,
        MultiLine = 2,
        DotNewLine = 4,
        NonGreedy = 8,
    }

    /// <summary>The number of capturing groups (Go's <c>NumSubexp</c>).</summary>
    public int GroupCount { get; private set; }

    /// <summary>Translates <paramref name="pattern"/>; throws <see cref="FormatException"/> with Go's reason when Go refuses it.</summary>
    public static (string DotNetPattern, int GroupCount) Translate(string pattern)
    {
        var translator = new GoRegexTranslator(pattern);
        translator.Run();
        return (translator._output.ToString(), translator.GroupCount);
    }

    private void Run()
    {
        _output.Append("(?:");
        while (_position < _pattern.Length)
        {
            var c = _pattern[_position];
            switch (c)
            {
                case '(':
                    OpenGroup();
                    break;
                case ')':
                    CloseGroup();
                    break;
                case '|':
                    _position++;
                    _output.Append('|');
                    _lastAtomStart = -1;
                    _lastIsRepeat = false;
                    break;
                case '*' or '+' or '?':
                    _position++;
                    Repeat(c.ToString(), c == '+' ? 1 : 0, c == '?' ? 1 : -1, _position - 1);
                    break;
                case '{' when TryReadRepeatCount(out var min, out var max, out var end):
                    var start = _position;
                    _position = end;
                    Repeat(_pattern[start.._position], min, max, start);
                    break;
                case '[':
                    Atom(ReadClass(), 1);
                    break;
                case '\\':
                    Escape();
                    break;
                case '.':
                    _position++;
                    Atom(_flags.HasFlag(Flags.DotNewLine) ? @"[\s\S]" : @"[^\n]", 1);
                    break;
                case '^':
                    _position++;
                    Atom(_flags.HasFlag(Flags.MultiLine) ? "(?m:^)" : @"\A", 1);
                    break;
                case '$':
                    _position++;
                    Atom(_flags.HasFlag(Flags.MultiLine) ? "(?m:$)" : @"\z", 1);
                    break;
                default:
                    var value = char.IsSurrogatePair(_pattern, _position) ? char.ConvertToUtf32(_pattern, _position) : c;
                    _position += value > 0xFFFF ? 2 : 1;
                    Atom(Literal(value), 1);
                    break;
            }
        }

        if (_groups.Count > 0)
        {
            throw Error("missing closing )", _pattern);
        }

        _output.Append(')');
    }

    private void Atom(string text, int weight)
    {
        _lastAtomStart = _output.Length;
        _output.Append(text);
        _lastAtomEnd = _output.Length;
        _lastIsRepeat = false;
        _lastAtomWeight = weight;
    }

    private void OpenGroup()
    {
        var start = _position;
        if (_position + 1 < _pattern.Length && _pattern[_position + 1] == '?')
        {
            OpenPerlGroup(start);
            return;
        }

        _position++;
        GroupCount++;
        PushGroup("(");
    }

    private void OpenPerlGroup(int start)
    {
        // Named groups: (?P<name>re) and, since Go 1.22, (?<name>re). Lookbehind (?<=, (?<! fails here.
        var rest = _pattern[start..];
        var isNamed = (rest.Length > 4 && rest[2] == 'P' && rest[3] == '<') || (rest.Length > 3 && rest[2] == '<');
        if (isNamed)
        {
            var nameStart = rest[2] == 'P' ? 4 : 3;
            var end = rest.IndexOf('>', StringComparison.Ordinal);
            if (end < 0)
            {
                throw Error("invalid named capture", rest);
            }

            var name = rest[nameStart..end];
            if (name.Length == 0 || !name.All(ch => ch == '_' || char.IsAsciiLetterOrDigit(ch)))
            {
                throw Error("invalid named capture", rest[..(end + 1)]);
            }

            if (!_names.Add(name))
            {
                throw Error("duplicate capture group name", rest[..(end + 1)]);
            }

            _position = start + end + 1;
            GroupCount++;
            PushGroup("(");
            return;
        }

        // Flags: (?flags) changes the current group, (?flags:re) opens a non-capturing group.
        var flags = _flags;
        var negate = false;
        var sawFlag = false;
        var i = start + 2;
        while (i < _pattern.Length)
        {
            var c = _pattern[i++];
            switch (c)
            {
                case 'i':
                    flags = Set(flags, Flags.FoldCase, !negate);
                    sawFlag = true;
                    continue;
                case 'm':
                    flags = Set(flags, Flags.MultiLine, !negate);
                    sawFlag = true;
                    continue;
                case 's':
                    flags = Set(flags, Flags.DotNewLine, !negate);
                    sawFlag = true;
                    continue;
                case 'U':
                    flags = Set(flags, Flags.NonGreedy, !negate);
                    sawFlag = true;
                    continue;
                case '-' when !negate:
                    negate = true;
                    sawFlag = false;
                    continue;
                case ':' or ')' when !negate || sawFlag:
                    _position = i;
                    if (c == ':')
                    {
                        PushGroup("(?:");
                        _flags = flags;
                        _output.Append(CaseFlag(flags));
                    }
                    else
                    {
                        _flags = flags;
                        _output.Append(CaseFlag(flags));
                    }

                    return;
            }

            break;
        }

        throw Error("invalid or unsupported Perl syntax", _pattern[start..Math.Min(i, _pattern.Length)]);
    }

    private static Flags Set(Flags flags, Flags flag, bool on) => on ? flags | flag : flags & ~flag;

    private static string CaseFlag(Flags flags) => flags.HasFlag(Flags.FoldCase) ? "(?i)" : "(?-i)";

    private void PushGroup(string opener)
    {
        _groups.Push(new GroupFrame(_output.Length, _flags, _sequenceWeight));
        _output.Append(opener);
        _lastAtomStart = -1;
        _lastIsRepeat = false;
        _sequenceWeight = 1;
    }

    private void CloseGroup()
    {
        if (_groups.Count == 0)
        {
            throw Error("unexpected )", _pattern);
        }

        _position++;
        var frame = _groups.Pop();
        _output.Append(')');
        var innerWeight = _sequenceWeight;
        _flags = frame.Flags;
        _sequenceWeight = frame.SequenceWeight;
        _lastAtomStart = frame.OutputStart;
        _lastAtomEnd = _output.Length;
        _lastIsRepeat = false;
        _lastAtomWeight = innerWeight;
    }

    private void Repeat(string op, int min, int max, int opStart)
    {
        var lazy = _flags.HasFlag(Flags.NonGreedy);
        if (_position < _pattern.Length && _pattern[_position] == '?')
        {
            _position++;
            lazy = !lazy;
        }

        if (_lastIsRepeat)
        {
            throw Error("invalid nested repetition operator", _pattern[(opStart - 1)..Math.Min(_position, _pattern.Length)]);
        }

        if (_lastAtomStart < 0)
        {
            throw Error("missing argument to repetition operator", _pattern[opStart.._position]);
        }

        var weight = _lastAtomWeight;
        if (op.StartsWith('{') && max == 0)
        {
            // x{0} matches the empty string: Go skips the check of everything inside it.
            weight = 1;
        }
        else if (op.StartsWith('{'))
        {
            // regexp/syntax repeatIsValid: nested counted repeats may not multiply past 1000.
            var count = max < 0 ? min : max;
            if (count > 0)
            {
                if (count > MaxRepeat || (long)count * _lastAtomWeight > MaxRepeat)
                {
                    throw Error("invalid repeat count", op);
                }

                weight = count * _lastAtomWeight;
            }
        }

        // Wrap the operand so that anchors and lookarounds can be repeated as Go allows. A flag change
        // written after the operand, as in a(?i)*, stays outside: in Go it applies to what follows.
        var quantifier = ")" + (op.StartsWith('{') ? DotNetCount(min, max) : op) + (lazy ? "?" : "");
        _output.Insert(_lastAtomEnd, quantifier);
        _output.Insert(_lastAtomStart, "(?:");
        _lastAtomEnd += 3 + quantifier.Length;

        _lastIsRepeat = true;
        _lastAtomWeight = weight;
        _sequenceWeight = Math.Max(_sequenceWeight, weight);
    }

    private static string DotNetCount(int min, int max) => max < 0
        ? $"{{{min},}}"
        : min == max ? $"{{{min}}}" : $"{{{min},{max}}}";

    /// <summary>regexp/syntax parseRepeat: <c>{n}</c>, <c>{n,}</c> or <c>{n,m}</c>; anything else is a literal brace.</summary>
    private bool TryReadRepeatCount(out int min, out int max, out int end)
    {
        min = 0;
        max = 0;
        end = _position;
        var i = _position + 1;
        if (!TryReadInt(ref i, out min))
        {
            return false;
        }

        if (i >= _pattern.Length)
        {
            return false;
        }

        if (_pattern[i] == ',')
        {
            i++;
            if (i < _pattern.Length && _pattern[i] == '}')
            {
                max = -1;
            }
            else if (!TryReadInt(ref i, out max))
            {
                return false;
            }
        }
        else
        {
            max = min;
        }

        if (i >= _pattern.Length || _pattern[i] != '}')
        {
            return false;
        }

        end = i + 1;
        if (min > MaxRepeat || max > MaxRepeat || (max >= 0 && min > max))
        {
            throw Error("invalid repeat count", _pattern[_position..end]);
        }

        return true;
    }

    private bool TryReadInt(ref int i, out int value)
    {
        value = 0;
        var start = i;
        while (i < _pattern.Length && char.IsAsciiDigit(_pattern[i]))
        {
            i++;
        }

        if (i == start || (i - start > 1 && _pattern[start] == '0'))
        {
            return false;
        }

        // Go gives up (literal brace) on numbers too large for an int; anything above 1000 fails anyway.
        value = i - start > 8 ? int.MaxValue : int.Parse(_pattern.AsSpan(start, i - start), CultureInfo.InvariantCulture);
        return true;
    }

    private void Escape()
    {
        var start = _position;
        if (_position + 1 >= _pattern.Length)
        {
            throw Error("trailing backslash at end of expression", "");
        }

        var next = _pattern[_position + 1];
        switch (next)
        {
            case 'A':
                _position += 2;
                Atom(@"\A", 1);
                return;
            case 'z':
                _position += 2;
                Atom(@"\z", 1);
                return;
            case 'b':
                _position += 2;
                Atom($"(?:(?<=[{AsciiWord}])(?![{AsciiWord}])|(?<![{AsciiWord}])(?=[{AsciiWord}]))", 1);
                return;
            case 'B':
                _position += 2;
                Atom($"(?:(?<=[{AsciiWord}])(?=[{AsciiWord}])|(?<![{AsciiWord}])(?![{AsciiWord}]))", 1);
                return;
            case 'C':
                throw Error("invalid escape sequence", @"\C");
            case 'Q':
                {
                    var end = _pattern.IndexOf(@"\E", _position + 2, StringComparison.Ordinal);
                    var literal = end < 0 ? _pattern[(_position + 2)..] : _pattern[(_position + 2)..end];
                    _position = end < 0 ? _pattern.Length : end + 2;
                    foreach (var rune in literal.EnumerateRunes())
                    {
                        Atom(Literal(rune.Value), 1);
                    }

                    return;
                }

            case 'p' or 'P':
                var unicodeClass = ReadUnicodeClass();
                Atom(unicodeClass.Length == 0 ? @"[^\s\S]" : "[" + unicodeClass + "]", 1);
                return;
            case 'd' or 'D' or 's' or 'S' or 'w' or 'W':
                _position += 2;
                Atom("[" + PerlClass(next) + "]", 1);
                return;
        }

        var value = ReadEscapedChar(start);
        Atom(Literal(value), 1);
    }

    /// <summary>regexp/syntax parseEscape: one escaped character, or Go's "invalid escape sequence".</summary>
    private int ReadEscapedChar(int start)
    {
        _position++;
        var c = _pattern[_position++];
        switch (c)
        {
            case >= '1' and <= '7' when _position >= _pattern.Length || _pattern[_position] is < '0' or > '7':
                // A single non-zero digit would be a backreference: RE2 has none.
                break;
            case >= '0' and <= '7':
                {
                    var value = c - '0';
                    for (var i = 1; i < 3 && _position < _pattern.Length && _pattern[_position] is >= '0' and <= '7'; i++)
                    {
                        value = (value * 8) + (_pattern[_position++] - '0');
                    }

                    return value;
                }

            case 'x':
                if (TryReadHex(out var hex))
                {
                    return hex;
                }

                break;
            case 'a':
                return '\a';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'v':
                return '\v';
            default:
                if (c < 0x80 && !char.IsAsciiLetterOrDigit(c))
                {
                    return c;
                }

                break;
        }

        throw Error("invalid escape sequence", _pattern[start..Math.Min(_position, _pattern.Length)]);
    }

    private bool TryReadHex(out int value)
    {
        value = 0;
        if (_position >= _pattern.Length)
        {
            return false;
        }

        if (_pattern[_position] == '{')
        {
            var i = _position + 1;
            var digits = 0;
            while (i < _pattern.Length && _pattern[i] != '}')
            {
                if (!char.IsAsciiHexDigit(_pattern[i]))
                {
                    return false;
                }

                value = (value * 16) + Convert.ToInt32(_pattern[i].ToString(), 16);
                if (value > 0x10FFFF)
                {
                    return false;
                }

                digits++;
                i++;
            }

            if (i >= _pattern.Length || digits == 0)
            {
                return false;
            }

            _position = i + 1;
            return true;
        }

        if (_position + 1 >= _pattern.Length || !char.IsAsciiHexDigit(_pattern[_position]) || !char.IsAsciiHexDigit(_pattern[_position + 1]))
        {
            _position = Math.Min(_position + 2, _pattern.Length);
            return false;
        }

        value = Convert.ToInt32(_pattern.Substring(_position, 2), 16);
        _position += 2;
        return true;
    }

    /// <summary>regexp/syntax parseClass, written as a .NET class of explicit ranges.</summary>
    private string ReadClass()
    {
        var start = _position;
        _position++;
        var items = new StringBuilder();
        var negated = false;
        if (_position < _pattern.Length && _pattern[_position] == '^')
        {
            negated = true;
            _position++;
        }

        var first = true;
        while (_position >= _pattern.Length || _pattern[_position] != ']' || first)
        {
            if (_position >= _pattern.Length)
            {
                throw Error("missing closing ]", _pattern[start..]);
            }

            first = false;
            var rest = _pattern.AsSpan(_position);
            if (rest.Length > 2 && rest[0] == '[' && rest[1] == ':' && TryReadPosixClass(items))
            {
                continue;
            }

            if (rest.Length > 1 && rest[0] == '\\' && rest[1] is 'p' or 'P')
            {
                items.Append(ReadUnicodeClass());
                continue;
            }

            if (rest.Length > 1 && rest[0] == '\\' && rest[1] is 'd' or 'D' or 's' or 'S' or 'w' or 'W')
            {
                items.Append(PerlClass(rest[1]));
                _position += 2;
                continue;
            }

            var rangeStart = _position;
            var low = ReadClassChar(start);
            var high = low;
            if (_position + 1 < _pattern.Length && _pattern[_position] == '-' && _pattern[_position + 1] != ']')
            {
                _position++;
                high = ReadClassChar(start);
                if (high < low)
                {
                    throw Error("invalid character class range", _pattern[rangeStart.._position]);
                }
            }

            items.Append(ClassRange(low, high));
        }

        _position++;
        if (items.Length == 0)
        {
            // Only a negated "any" class can be empty: it matches nothing, and its negation everything.
            return negated ? @"[\s\S]" : @"[^\s\S]";
        }

        return (negated ? "[^" : "[") + items + "]";
    }

    private int ReadClassChar(int classStart)
    {
        if (_position >= _pattern.Length)
        {
            throw Error("missing closing ]", _pattern[classStart..]);
        }

        if (_pattern[_position] == '\\')
        {
            return ReadEscapedChar(_position);
        }

        var value = char.ConvertToUtf32(_pattern, _position);
        _position += char.IsSurrogatePair(_pattern, _position) ? 2 : 1;
        return value;
    }

    /// <summary>regexp/syntax parseNamedClass: <c>[:alnum:]</c>, <c>[:^alnum:]</c>; no closing <c>:]</c> means a literal <c>[</c>.</summary>
    private bool TryReadPosixClass(StringBuilder items)
    {
        var end = _pattern.IndexOf(":]", _position + 2, StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        var name = _pattern[(_position + 2)..end];
        var negated = name.StartsWith('^');
        if (!PosixClasses.TryGetValue(negated ? name[1..] : name, out var ranges))
        {
            throw Error("invalid character class range", _pattern[_position..(end + 2)]);
        }

        items.Append(negated ? Complement(ranges) : ranges);
        _position = end + 2;
        return true;
    }

    /// <summary>regexp/syntax parseUnicodeClass: <c>\pL</c>, <c>\p{Lu}</c>, <c>\p{^Lu}</c>, <c>\PL</c>; general categories only.</summary>
    private string ReadUnicodeClass()
    {
        var start = _position;
        var negated = _pattern[_position + 1] == 'P';
        _position += 2;
        if (_position >= _pattern.Length)
        {
            throw Error("invalid character class range", _pattern[start..]);
        }

        string name;
        if (_pattern[_position] == '{')
        {
            var end = _pattern.IndexOf('}', _position);
            if (end < 0)
            {
                throw Error("invalid character class range", _pattern[start..]);
            }

            name = _pattern[(_position + 1)..end];
            _position = end + 1;
        }
        else
        {
            name = _pattern[_position].ToString();
            _position++;
        }

        if (name.StartsWith('^'))
        {
            negated = !negated;
            name = name[1..];
        }

        if (name == "Any")
        {
            return negated ? "" : @"\s\S";
        }

        if (!UnicodeCategories.Contains(name))
        {
            throw Error("invalid character class range (Unicode scripts are not modelled; use a general category)", _pattern[start.._position]);
        }

        return (negated ? @"\P{" : @"\p{") + name + "}";
    }

    /// <summary>regexp/syntax perl_groups.go: <c>\d \s \w</c> and their negations, ASCII only.</summary>
    private static string PerlClass(char letter) => letter switch
    {
        'd' => "0-9",
        'D' => Complement("0-9"),
        's' => @"\t\n\f\r ",
        'S' => Complement(@"\t\n\f\r "),
        'w' => AsciiWord,
        _ => Complement(AsciiWord),
    };

    /// <summary>Everything but the given ASCII ranges, as ranges (a .NET class cannot nest a negation).</summary>
    private static string Complement(string ranges)
    {
        var included = new bool[128];
        var probe = new System.Text.RegularExpressions.Regex("[" + ranges + "]", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        for (var c = 0; c < 128; c++)
        {
            included[c] = probe.IsMatch(((char)c).ToString());
        }

        var result = new StringBuilder();
        var c2 = 0;
        while (c2 < 128)
        {
            if (included[c2])
            {
                c2++;
                continue;
            }

            var low = c2;
            while (c2 < 128 && !included[c2])
            {
                c2++;
            }

            result.Append(ClassRange(low, c2 - 1));
        }

        result.Append(ClassRange(0x80, 0xFFFF));
        return result.ToString();
    }

    private static string ClassRange(int low, int high)
    {
        // .NET classes hold UTF-16 code units: characters beyond the BMP never occur in DNS names here.
        low = Math.Min(low, 0xFFFF);
        high = Math.Min(high, 0xFFFF);
        return low == high ? ClassChar(low) : ClassChar(low) + "-" + ClassChar(high);
    }

    private static string ClassChar(int value) => $@"\u{value:X4}";

    private static string Literal(int value) => value <= 0xFFFF
        ? $@"\u{value:X4}"
        : System.Text.RegularExpressions.Regex.Escape(char.ConvertFromUtf32(value));

    private FormatException Error(string code, string expression) =>
        new($"error parsing regexp: {code}: `{expression}`");

    private readonly record struct GroupFrame(int OutputStart, Flags Flags, int SequenceWeight);
}
