using System.Globalization;
using System.Text.Json.Nodes;

namespace Kfp.Compiler.Hashing;

/// <summary>
/// One text form per number, since the KFP server stores numbers as protobuf doubles:
/// integral values within 2^53 print as integers (<c>1.0</c> → <c>1</c>), others in shortest round-trip form.
/// </summary>
internal static class CanonicalNumber
{
    private const double MaxExactInteger = 9007199254740992d;

    public static string Format(JsonValue value)
    {
        var raw = value.ToJsonString();
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return raw;
        }

        if (Math.Floor(number) == number && Math.Abs(number) <= MaxExactInteger)
        {
            return ((long)number).ToString(CultureInfo.InvariantCulture);
        }

        return number.ToString("R", CultureInfo.InvariantCulture);
    }
}
