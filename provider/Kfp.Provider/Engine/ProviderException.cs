using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Engine;

/// <summary>What kind of failure a call ended with; the wire layer maps each to one gRPC status code.</summary>
internal enum ProviderErrorKind
{
    /// <summary>Unexpected, or a failure of the cluster the engine cannot act on (the resource status is unknown).</summary>
    Unknown,

    /// <summary>The request or its inputs are wrong (unknown type or function, bad configuration, a compile error).</summary>
    InvalidArgument,

    /// <summary>The object is not there.</summary>
    NotFound,

    /// <summary>The call cannot succeed as things stand (missing setting, refused credentials, a rule of the server).</summary>
    FailedPrecondition,

    /// <summary>A transient failure: trying again later may work.</summary>
    Unavailable,
}

/// <summary>
/// The object exists but did not finish: what the engine keeps in state (ErrorResourceInitFailed), with
/// secrets already marked.
/// </summary>
internal sealed record PartialState(string Id, PropertyMap Outputs, PropertyMap? Inputs, IReadOnlyList<string> Reasons);

/// <summary>A call failed in a way the provider understands; the message names the resource and says what to do.</summary>
internal sealed class ProviderException : Exception
{
    public ProviderException(ProviderErrorKind kind, string message, Exception? innerException = null, PartialState? partial = null)
        : base(message, innerException)
    {
        Kind = kind;
        Partial = partial;
    }

    public ProviderErrorKind Kind { get; }

    /// <summary>Set when the object was created (or updated) but did not finish initialising.</summary>
    public PartialState? Partial { get; }
}
