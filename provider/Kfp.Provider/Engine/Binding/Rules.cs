using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Engine.Binding;

/// <summary>
/// Reusable checks on input values, put on record fields so every resource refuses the same mistakes with the
/// same words before anything is written: empty values, control characters, KFP's length limits, Kubernetes names.
/// </summary>
internal static partial class Rules
{
    /// <summary>KFP's limit on pipeline and experiment names and display names, in UTF-8 bytes.</summary>
    public const int KfpNameBytes = 128;

    /// <summary>KFP's limit on pipeline version names.</summary>
    public const int KfpVersionNameBytes = 127;

    public static Rule<string> NotEmpty { get; } = v => v.Length == 0 ? "must not be empty; set a value or leave the property out" : null;

    /// <summary>No control characters at all (names, IDs, references: a newline or NUL there is always a mistake).</summary>
    public static Rule<string> NoControlCharacters { get; } = v => ControlCharacter(v, allowWhitespace: false);

    /// <summary>Free text (descriptions): line breaks and tabs are fine, NUL and other control characters are not.</summary>
    public static Rule<string> Text { get; } = v => ControlCharacter(v, allowWhitespace: true);

    /// <summary>Not only blanks (KFP accepts such a name, and nobody can find it in the UI).</summary>
    public static Rule<string> NotBlank { get; } = v =>
        v.Length > 0 && string.IsNullOrWhiteSpace(v) ? "is only blanks; give it a visible name or leave the property out" : null;

    /// <summary>A KFP name: not empty, not only blanks, no control characters, at most 128 bytes.</summary>
    public static IReadOnlyList<Rule<string>> KfpName { get; } = [NotEmpty, NoControlCharacters, MaxBytes(KfpNameBytes), NotBlank];

    /// <summary>A Kubernetes namespace (and KFP profile): a DNS-1123 label.</summary>
    public static IReadOnlyList<Rule<string>> Namespace { get; } = [NotEmpty, DnsLabel("namespace")];

    /// <summary>A Kubernetes object name such as a service account or Secret: a DNS-1123 subdomain.</summary>
    public static IReadOnlyList<Rule<string>> ObjectName { get; } = [NotEmpty, DnsSubdomain("name")];

    /// <summary>An ID or reference: not empty, no control characters.</summary>
    public static IReadOnlyList<Rule<string>> Reference { get; } = [NotEmpty, NoControlCharacters];

    /// <summary>For <c>Any</c> inputs that must be an object of names to values.</summary>
    public static Rule<PropertyValue> Map(string example) => v => v is ObjectValue ? null : $"must be a map of names to values, e.g. {example}";

    public static Rule<string> MaxBytes(int limit) => v =>
    {
        var bytes = Encoding.UTF8.GetByteCount(v);
        return bytes > limit ? $"is {bytes} bytes long; KFP allows at most {limit}: shorten it" : null;
    };

    /// <summary>At most 63 lowercase letters, digits and '-', starting and ending with a letter or digit.</summary>
    public static Rule<string> DnsLabel(string what) => v => DnsLabelPattern().IsMatch(v)
        ? null
        : $"'{Quote(v)}' is not a valid Kubernetes {what}: use at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit";

    /// <summary>At most 253 characters of DNS labels joined by '.'.</summary>
    public static Rule<string> DnsSubdomain(string what) => v => DnsSubdomainPattern().IsMatch(v)
        ? null
        : $"'{Quote(v)}' is not a valid Kubernetes {what}: use at most 253 lowercase letters, digits, '-' and '.', starting and ending with a letter or digit";

    private static string? ControlCharacter(string value, bool allowWhitespace)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) && !(allowWhitespace && c is '\n' or '\r' or '\t'))
            {
                return $"contains the control character U+{(int)c:X4} at position {i.ToString(CultureInfo.InvariantCulture)}; remove it";
            }
        }
        return null;
    }

    /// <summary>A value as quoted in a message: control characters escaped, cut after <paramref name="max"/> characters.</summary>
    public static string Quote(string value, int max = 80)
    {
        var cut = value.Length > max ? value[..max] + "…" : value;
        var builder = new StringBuilder(cut.Length);
        foreach (var c in cut)
        {
            builder.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }
        return builder.ToString();
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabelPattern();

    [GeneratedRegex("^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomainPattern();
}
