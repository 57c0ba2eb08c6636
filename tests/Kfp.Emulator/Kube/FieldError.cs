using System.Text.Json.Nodes;

namespace Kfp.Emulator.Kube;

/// <summary>One validation failure, rendered the way the API server's field errors are.</summary>
internal sealed record FieldError(string Reason, string Field, string Detail)
{
    public static FieldError Invalid(string field, string value, string why) =>
        new("FieldValueInvalid", field, $"Invalid value: {Quote(value)}: {why}");

    public static FieldError Required(string field, string why) => new("FieldValueRequired", field, $"Required value: {why}");

    public static FieldError Forbidden(string field, string why) => new("FieldValueForbidden", field, $"Forbidden: {why}");

    public static FieldError TooLong(string field, long max) =>
        new("FieldValueTooLong", field, $"Too long: may not be more than {max} bytes");

    public static FieldError NotSupported(string field, string value, string supported) =>
        new("FieldValueNotSupported", field, $"Unsupported value: {Quote(value)}: supported values: {supported}");

    public static FieldError Duplicate(string field, string value) => new("FieldValueDuplicate", field, $"Duplicate value: {Quote(value)}");

    public override string ToString() => Field.Length == 0 ? Detail : $"{Field}: {Detail}";

    public JsonObject ToCause() => new() { ["reason"] = Reason, ["message"] = Detail, ["field"] = Field };

    private static string Quote(string value) => KubeJson.Quote(value);
}
