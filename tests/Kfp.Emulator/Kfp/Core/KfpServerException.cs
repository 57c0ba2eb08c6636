using System.Text.Json.Nodes;

namespace Kfp.Emulator.Kfp.Core;

/// <summary>
/// An error the emulated server answers with. Rendered as a grpc-gateway <c>google.rpc.Status</c>: the long
/// internal message on top, the short external message in <c>details[0]</c>.
/// </summary>
public sealed class KfpServerException : Exception
{
    public KfpServerException(int status, int grpcCode, string message, string shortMessage)
        : base(message)
    {
        Status = status;
        GrpcCode = grpcCode;
        ShortMessage = shortMessage;
    }

    public KfpServerException()
        : this(500, 13, "Internal error", "Internal Server Error")
    {
    }

    public KfpServerException(string message)
        : this(500, 13, message, "Internal Server Error")
    {
    }

    public KfpServerException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 500;
        GrpcCode = 13;
        ShortMessage = "Internal Server Error";
    }

    public int Status { get; }

    public int GrpcCode { get; }

    public string ShortMessage { get; }

    /// <summary>The upload handler writes this failure with <c>http.Error</c>: a plain-text body.</summary>
    public bool PlainText { get; init; }

    public static KfpServerException InvalidInput(string context, string detail) =>
        new(400, 3, $"{context}: Invalid input error: {detail}", detail);

    public static KfpServerException NotFound(string context, string kind, string id) =>
        new(404, 5, $"{context}: ResourceNotFoundError: {kind} {id} not found", $"{kind} {id} not found");

    public static KfpServerException AlreadyExists(string context, string detail) =>
        new(409, 6, $"{context}: {detail}", detail);

    public static KfpServerException Aborted(string context, string detail) =>
        new(409, 10, $"{context}: BadRequestError: {detail}", detail);

    public static KfpServerException Internal(string context, string detail) =>
        new(500, 13, $"Internal error: {context}: {detail}", "Internal Server Error");

    /// <summary>grpc-gateway's body for a malformed request (bad JSON, unknown field).</summary>
    public static KfpServerException BadRequestBody(string detail) => new(400, 3, detail, "");

    /// <summary>The upload endpoints' body: the v1beta1 <c>Error</c> message, not a google.rpc.Status.</summary>
    public JsonObject ToUploadBody() => new() { ["error_message"] = Message, ["error_details"] = Message };

    public JsonObject ToBody()
    {
        var details = new JsonArray();
        if (ShortMessage.Length > 0)
        {
            details.Add(new JsonObject
            {
                ["@type"] = "type.googleapis.com/google.rpc.Status",
                ["code"] = GrpcCode,
                ["message"] = ShortMessage,
            });
        }
        var body = new JsonObject { ["code"] = GrpcCode, ["message"] = Message };
        if (details.Count > 0)
        {
            body["details"] = details;
        }
        return body;
    }
}
