using Google.Protobuf.WellKnownTypes;
using Kfp.Api;
using Kfp.Compiler;
using Kfp.Kube.Config;
using Kfp.Kube.Http;
using Kfp.Provider.Protocol.Grpc;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Provider.Engine;

/// <summary>
/// The one place where what a resource throws becomes a gRPC status: partial state as
/// <c>ErrorResourceInitFailed</c>, clean failures with the resource named, anything else UNKNOWN (the engine
/// then marks the resource's status unknown).
/// </summary>
internal static class EngineErrors
{
    public static async Task<T> Guard<T>(ResourceIdentity identity, string operation, Func<Task<T>> action,
        ResourceDefinition? definition = null, PropertyMap? secretSource = null, string? id = null)
    {
        try
        {
            return await action();
        }
        catch (ResourceInitFailedException e)
        {
            var detail = new ErrorResourceInitFailed
            {
                Id = e.Id.Length > 0 ? e.Id : id ?? "",
                Properties = PropertyValueCodec.ToStruct(SecretMarker.Mark(definition, secretSource ?? PropertyMap.Empty, e.Outputs)),
            };
            detail.Reasons.AddRange(e.Reasons);
            if (e.Inputs is not null)
            {
                detail.Inputs = PropertyValueCodec.ToStruct(SecretMarker.Mark(definition, secretSource ?? PropertyMap.Empty, e.Inputs));
            }
            throw new GrpcStatusException(StatusCode.Unknown, $"{identity.Name}: {operation} did not finish: {e.Message}", detail);
        }
        catch (ResourceException e)
        {
            throw new GrpcStatusException(StatusCode.FailedPrecondition, $"{identity.Name}: {operation} failed: {e.Message}", e);
        }
        catch (KfpApiException e)
        {
            var code = e.IsTransient ? StatusCode.Unavailable : e.IsNotFound ? StatusCode.NotFound : StatusCode.Unknown;
            throw new GrpcStatusException(code, $"{identity.Name}: {operation} failed: {e.Message}", e);
        }
        catch (KubeApiException e)
        {
            var code = e.IsNotFound ? StatusCode.NotFound : e.IsInvalid ? StatusCode.InvalidArgument : e.Code >= 500 ? StatusCode.Unavailable : StatusCode.FailedPrecondition;
            throw new GrpcStatusException(code, $"{identity.Name}: {operation} failed: {e.Message}", e);
        }
        catch (KubeConfigException e)
        {
            throw new GrpcStatusException(StatusCode.FailedPrecondition, $"{identity.Name}: {operation} failed: {e.Message}", e);
        }
        catch (Resources.ImagePinningException e)
        {
            throw new GrpcStatusException(StatusCode.FailedPrecondition, $"{identity.Name}: {operation} failed: {e.Message}", e);
        }
        catch (PipelineCompileException e)
        {
            throw new GrpcStatusException(StatusCode.InvalidArgument, $"{identity.Name}: {e.Message}", e);
        }
        catch (PropertyValueException e)
        {
            throw new GrpcStatusException(StatusCode.InvalidArgument, $"{identity.Name}: {e.Message}", e);
        }
    }
}
