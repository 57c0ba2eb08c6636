using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Kfp.Provider.Protocol.Grpc;
using Kfp.Provider.Protocol.Wire;
using Kfp.Provider.Protocol.Wire.Rpc;

namespace Kfp.Provider.Tests.Protocol.Grpc;

public sealed class GrpcStatusDetailsTests
{
    private static ErrorResourceInitFailed InitFailed() => new()
    {
        Id = "pipeline-1",
        Properties = new Struct { Fields = { ["name"] = Value.ForString("train") } },
        Reasons = { "version upload failed" },
    };

    [Fact]
    public void Encode_RpcStatusWithInitFailed_DecodesToGoogleRpcStatusWithTypedAny()
    {
        var status = new RpcStatus(StatusCode.Unknown, "create failed", [InitFailed()]);

        var encoded = GrpcStatusDetails.Encode(status.ToProto());
        var decoded = GrpcStatusDetails.Decode(encoded);

        Assert.DoesNotContain('=', encoded);
        Assert.Equal((int)StatusCode.Unknown, decoded.Code);
        Assert.Equal("create failed", decoded.Message);
        var any = Assert.Single(decoded.Details);
        Assert.Equal("type.googleapis.com/pulumirpc.ErrorResourceInitFailed", any.TypeUrl);
        Assert.Equal(InitFailed(), any.Unpack<ErrorResourceInitFailed>());
    }

    [Fact]
    public void Decode_PaddedBase64_IsAccepted()
    {
        var status = new Status { Code = 9, Message = "abc" };
        var padded = Convert.ToBase64String(status.ToByteArray());

        Assert.EndsWith("=", padded, StringComparison.Ordinal);
        Assert.Equal(status, GrpcStatusDetails.Decode(padded));
    }

    [Fact]
    public void ToProto_MissingKeysDetail_HasPulumiTypeUrl()
    {
        var missing = new ConfigureErrorMissingKeys
        {
            MissingKeys = { new ConfigureErrorMissingKeys.Types.MissingKey { Name = "kfp:host", Description = "the KFP API URL" } },
        };

        var proto = new RpcStatus(StatusCode.InvalidArgument, "missing", [missing]).ToProto();

        Assert.Equal("type.googleapis.com/pulumirpc.ConfigureErrorMissingKeys", Assert.Single(proto.Details).TypeUrl);
    }
}
