using Kfp.Api;
using Kfp.Compiler;
using Kfp.Kube.Config;
using Kfp.Kube.Http;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Engine;

/// <summary>
/// The one place where what a resource throws becomes a <see cref="ProviderException"/>: partial state (the
/// engine keeps it), clean failures with the resource named, and the kind the wire layer turns into a status.
/// Anything else passes through and is reported as unexpected.
/// </summary>
internal static class EngineErrors
{
    public static async Task<T> Guard<T>(ResourceIdentity identity, string operation, Func<Task<T>> action,
        ResourceDefinition? definition = null, PropertyMap? secretSource = null, string? id = null, Uri? kfpHost = null)
    {
        try
        {
            return await action();
        }
        catch (ResourceInitFailedException e)
        {
            var source = secretSource ?? PropertyMap.Empty;
            var partial = new PartialState(
                e.Id.Length > 0 ? e.Id : id ?? "",
                SecretMarker.Mark(definition, source, e.Outputs),
                e.Inputs is null ? null : SecretMarker.Mark(definition, source, e.Inputs),
                e.Reasons);
            throw new ProviderException(ProviderErrorKind.Unknown, $"{identity.Name}: {operation} did not finish: {e.Message}", e, partial);
        }
        catch (ResourceException e)
        {
            throw Failed(ProviderErrorKind.FailedPrecondition, identity, operation, e);
        }
        catch (Exception e) when (AccessProblem.Of(e, kfpHost) is { } problem)
        {
            var kind = e is KubeConnectionException || e is KfpApiException { Kind: KfpErrorKind.Network or KfpErrorKind.Timeout }
                ? ProviderErrorKind.Unavailable
                : ProviderErrorKind.FailedPrecondition;
            throw new ProviderException(kind, $"{identity.Name}: {operation} failed: {e.Message} {problem.Advice}", e);
        }
        catch (KfpApiException e)
        {
            var kind = e.IsTransient ? ProviderErrorKind.Unavailable : e.IsNotFound ? ProviderErrorKind.NotFound : ProviderErrorKind.Unknown;
            throw Failed(kind, identity, operation, e);
        }
        catch (KubeApiException e)
        {
            var kind = e.IsNotFound ? ProviderErrorKind.NotFound
                : e.IsInvalid ? ProviderErrorKind.InvalidArgument
                : e.Code >= 500 ? ProviderErrorKind.Unavailable
                : ProviderErrorKind.FailedPrecondition;
            throw Failed(kind, identity, operation, e);
        }
        catch (KubeConfigException e)
        {
            throw Failed(ProviderErrorKind.FailedPrecondition, identity, operation, e);
        }
        catch (Resources.ImagePinningException e)
        {
            throw Failed(ProviderErrorKind.FailedPrecondition, identity, operation, e);
        }
        catch (PipelineCompileException e)
        {
            throw new ProviderException(ProviderErrorKind.InvalidArgument, $"{identity.Name}: {e.Message}", e);
        }
        catch (PropertyValueException e)
        {
            throw new ProviderException(ProviderErrorKind.InvalidArgument, $"{identity.Name}: {e.Message}", e);
        }
    }

    private static ProviderException Failed(ProviderErrorKind kind, ResourceIdentity identity, string operation, Exception e) =>
        new(kind, $"{identity.Name}: {operation} failed: {e.Message}", e);
}
