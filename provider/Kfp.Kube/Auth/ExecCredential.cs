namespace Kfp.Kube.Auth;

/// <summary>The ExecCredential document exchanged with a credential plugin (input spec, output status).</summary>
internal sealed record ExecCredential
{
    public string? ApiVersion { get; init; }

    public string? Kind { get; init; }

    public ExecCredentialSpec? Spec { get; init; }

    public ExecCredentialStatus? Status { get; init; }
}
