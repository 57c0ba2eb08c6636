using Grpc.Core;
using Kfp.Provider.Engine;
using Kfp.Provider.Protocol.Grpc;
using Kfp.Provider.Protocol.Values;
using Kfp.Provider.Protocol.Wire;
using WireStatus = Kfp.Provider.Protocol.Wire.Rpc.Status;

namespace Kfp.Provider.Tests.Protocol.Grpc;

public sealed class StatusMapTests
{
    [Fact]
    public void ToRpcException_PartialState_KeepsCodeMessageAndPacksErrorResourceInitFailed()
    {
        var partial = new PartialState("p-1", PropertyMap.Empty.With("token", PropertyValue.MakeSecret(PropertyValue.Of("s"))), null, ["upload failed"]);

        var e = StatusMap.ToRpcException(new ProviderException(ProviderErrorKind.Unknown, "train: create did not finish", partial: partial));

        Assert.Equal(StatusCode.Unknown, e.StatusCode);
        Assert.Equal("train: create did not finish", e.Status.Detail);
        var status = WireStatus.Parser.ParseFrom(e.Trailers.GetValueBytes(StatusMap.DetailsTrailer));
        Assert.Equal((int)StatusCode.Unknown, status.Code);
        Assert.Equal(e.Status.Detail, status.Message);
        var detail = Assert.Single(status.Details).Unpack<ErrorResourceInitFailed>();
        Assert.Equal("p-1", detail.Id);
        Assert.Equal(["upload failed"], detail.Reasons);
        Assert.True(PropertyValueCodec.FromStruct(detail.Properties).Get("token").ContainsSecrets);
        Assert.Null(detail.Inputs);
    }

    [Theory]
    [InlineData(ProviderErrorKind.Unknown, StatusCode.Unknown)]
    [InlineData(ProviderErrorKind.InvalidArgument, StatusCode.InvalidArgument)]
    [InlineData(ProviderErrorKind.NotFound, StatusCode.NotFound)]
    [InlineData(ProviderErrorKind.FailedPrecondition, StatusCode.FailedPrecondition)]
    [InlineData(ProviderErrorKind.Unavailable, StatusCode.Unavailable)]
    public void ToRpcException_ProviderException_KindBecomesCodeWithoutDetails(object kindValue, StatusCode code)
    {
        var kind = (ProviderErrorKind)kindValue;
        var e = StatusMap.ToRpcException(new ProviderException(kind, "no host"));

        Assert.Equal(code, e.StatusCode);
        Assert.Equal("no host", e.Status.Detail);
        Assert.Null(e.Trailers.GetValueBytes(StatusMap.DetailsTrailer));
        Assert.False(StatusMap.IsUnexpected(new ProviderException(kind, "no host")));
    }

    [Fact]
    public void ToRpcException_OperationCanceled_IsCancelled()
    {
        Assert.Equal(StatusCode.Cancelled, StatusMap.ToRpcException(new OperationCanceledException()).StatusCode);
        Assert.Equal(StatusCode.Cancelled, StatusMap.ToRpcException(new TaskCanceledException()).StatusCode);
        Assert.False(StatusMap.IsUnexpected(new OperationCanceledException()));
    }

    [Fact]
    public void ToRpcException_OtherException_IsUnknownWithMessageOnly()
    {
        Exception thrown;
        try
        {
            throw new InvalidOperationException("the cluster said no");
        }
        catch (InvalidOperationException e)
        {
            thrown = e;
        }

        var rpc = StatusMap.ToRpcException(thrown);

        Assert.Equal(StatusCode.Unknown, rpc.StatusCode);
        Assert.Equal("the cluster said no", rpc.Status.Detail);
        Assert.Empty(rpc.Trailers);
        Assert.True(StatusMap.IsUnexpected(thrown));
    }

    [Fact]
    public void ToRpcException_LongMessage_IsCutKeepingStartAndEnd()
    {
        var message = "train: create failed: " + new string('x', 70000) + " set 'name' shorter";

        var e = StatusMap.ToRpcException(new ProviderException(ProviderErrorKind.InvalidArgument, message));

        Assert.True(System.Text.Encoding.UTF8.GetByteCount(e.Status.Detail) <= MessageBounds.ErrorBytes);
        Assert.StartsWith("train: create failed: xxx", e.Status.Detail, StringComparison.Ordinal);
        Assert.EndsWith("set 'name' shorter", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ToRpcException_PartialStateTooLargeForATrailer_SendsTheIdAndSaysToRefresh()
    {
        var outputs = PropertyMap.Empty.With("error", PropertyValue.Of(new string('e', 200_000)));
        var partial = new PartialState("r-1", outputs, outputs, [new string('r', 70000)]);

        var e = StatusMap.ToRpcException(new ProviderException(ProviderErrorKind.Unknown, "smoke: create did not finish", partial: partial));

        var bytes = e.Trailers.GetValueBytes(StatusMap.DetailsTrailer);
        Assert.NotNull(bytes);
        Assert.True(bytes.Length <= MessageBounds.DetailsBytes, $"{bytes.Length} bytes of details");
        var detail = WireStatus.Parser.ParseFrom(bytes).Details.Single().Unpack<ErrorResourceInitFailed>();
        Assert.Equal("r-1", detail.Id);
        Assert.Contains("pulumi refresh", e.Status.Detail, StringComparison.Ordinal);
    }
}
