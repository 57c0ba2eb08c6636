using System.Text.RegularExpressions;

namespace Kfp.Emulator.Kube.Validation;

/// <summary>The apimachinery name and key rules (DNS-1123 subdomain and label, qualified names, label values, data keys).</summary>
internal static partial class NameRules
{
    private const string SubdomainPattern = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
    private const string LabelPattern = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private const string QualifiedPattern = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private const string KeyPattern = "[-._a-zA-Z0-9]+";

    public static IEnumerable<string> Subdomain(string value)
    {
        if (value.Length > 253)
        {
            yield return "must be no more than 253 characters";
        }
        if (!SubdomainRegex().IsMatch(value))
        {
            yield return "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '" + SubdomainPattern + "')";
        }
    }

    public static IEnumerable<string> Label(string value)
    {
        if (value.Length > 63)
        {
            yield return "must be no more than 63 characters";
        }
        if (!LabelRegex().IsMatch(value))
        {
            yield return "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '" + LabelPattern + "')";
        }
    }

    /// <summary>A label or annotation key: optional DNS subdomain prefix, '/', and a name of at most 63 characters.</summary>
    public static IEnumerable<string> QualifiedName(string value)
    {
        var parts = value.Split('/');
        var name = parts[^1];
        if (parts.Length > 2)
        {
            yield return "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '" + QualifiedPattern + "') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
            yield break;
        }
        if (parts.Length == 2)
        {
            if (parts[0].Length == 0)
            {
                yield return "prefix part must be non-empty";
            }
            else
            {
                foreach (var e in Subdomain(parts[0]))
                {
                    yield return "prefix part " + e;
                }
            }
        }
        if (name.Length == 0)
        {
            yield return "name part must be non-empty";
        }
        else if (name.Length > 63)
        {
            yield return "name part must be no more than 63 characters";
        }
        if (name.Length > 0 && !QualifiedRegex().IsMatch(name))
        {
            yield return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '" + QualifiedPattern + "')";
        }
    }

    public static IEnumerable<string> LabelValue(string value)
    {
        if (value.Length > 63)
        {
            yield return "must be no more than 63 characters";
        }
        if (value.Length > 0 && !QualifiedRegex().IsMatch(value))
        {
            yield return "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(" + QualifiedPattern + ")?')";
        }
    }

    /// <summary>A Secret or ConfigMap data key.</summary>
    public static IEnumerable<string> DataKey(string value)
    {
        if (value.Length > 253)
        {
            yield return "must be no more than 253 characters";
        }
        if (!KeyRegex().IsMatch(value))
        {
            yield return "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '" + KeyPattern + "')";
        }
        if (value == ".")
        {
            yield return "must not be '.'";
        }
        else if (value == "..")
        {
            yield return "must not be '..'";
        }
        else if (value.StartsWith("..", StringComparison.Ordinal))
        {
            yield return "must not start with '..'";
        }
    }

    [GeneratedRegex("^" + SubdomainPattern + "$")]
    private static partial Regex SubdomainRegex();

    [GeneratedRegex("^" + LabelPattern + "$")]
    private static partial Regex LabelRegex();

    [GeneratedRegex("^" + QualifiedPattern + "$")]
    private static partial Regex QualifiedRegex();

    [GeneratedRegex("^" + KeyPattern + "$")]
    private static partial Regex KeyRegex();
}
