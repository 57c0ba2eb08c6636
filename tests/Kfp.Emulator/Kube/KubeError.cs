using System.Text.Json.Nodes;

namespace Kfp.Emulator.Kube;

/// <summary>An API error that becomes a <c>Status</c> body with the same code, reason and message as a real server.</summary>
#pragma warning disable CA1032, CA1064 // Internal control-flow exception of the emulator; never thrown across assemblies.
internal sealed class KubeError : Exception
#pragma warning restore CA1032, CA1064
{
    public KubeError(int code, string reason, string message, JsonObject? details = null)
        : base(message)
    {
        Code = code;
        Reason = reason;
        Details = details;
    }

    public int Code { get; }

    public string Reason { get; }

    public JsonObject? Details { get; }

    public static KubeError NotFound(ResourceType type, string name) =>
        new(404, "NotFound", $"{type.GroupResource} \"{name}\" not found", Detail(name, type));

    public static KubeError AlreadyExists(ResourceType type, string name) =>
        new(409, "AlreadyExists", $"{type.GroupResource} \"{name}\" already exists", Detail(name, type));

    public static KubeError Conflict(ResourceType type, string name, string why) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {type.GroupResource} \"{name}\": {why}", Detail(name, type));

    public static KubeError Stale(ResourceType type, string name) =>
        Conflict(type, name, "the object has been modified; please apply your changes to the latest version and try again");

    public static KubeError Invalid(ResourceType type, string name, IReadOnlyList<FieldError> errors)
    {
        var text = errors.Count == 1 ? errors[0].ToString() : "[" + string.Join(", ", errors) + "]";
        var details = Detail(name, type.Kind);
        details["causes"] = new JsonArray(errors.Select(e => (JsonNode)e.ToCause()).ToArray());
        return new KubeError(422, "Invalid", $"{type.Kind} \"{name}\" is invalid: {text}", details);
    }

    public static KubeError BadRequest(string message) => new(400, "BadRequest", message);

    public static KubeError Undecodable(ResourceType type, string why) =>
        BadRequest($"{type.Kind} in version \"v1\" cannot be handled as a {type.Kind}: {why}");

    public static KubeError Unauthorized() => new(401, "Unauthorized", "Unauthorized");

    public static KubeError PathNotFound() => new(404, "NotFound", "the server could not find the requested resource");

    public static KubeError MethodNotAllowed(string method) =>
        new(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource ({method})");

    public JsonObject ToStatus()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = Message,
        };
        if (Reason.Length > 0)
        {
            status["reason"] = Reason;
        }
        if (Details is not null)
        {
            status["details"] = Details.DeepClone();
        }
        status["code"] = Code;
        return status;
    }

    private static JsonObject Detail(string name, string kind) => new() { ["name"] = name, ["kind"] = kind };

    private static JsonObject Detail(string name, ResourceType type)
    {
        var detail = new JsonObject { ["name"] = name };
        if (type.Group.Length > 0)
        {
            detail["group"] = type.Group;
        }
        detail["kind"] = type.Plural;
        return detail;
    }
}
