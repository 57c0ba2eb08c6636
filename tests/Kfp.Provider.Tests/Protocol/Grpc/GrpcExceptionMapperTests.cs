using Kfp.Provider.Protocol.Grpc;
using Kfp.Provider.Protocol.Wire;

namespace Kfp.Provider.Tests.Protocol.Grpc;

public sealed class GrpcExceptionMapperTests
{
    [Fact]
    public void ToStatus_GrpcStatusException_KeepsCodeMessageAndDetails()
    {
        var detail = new ErrorResourceInitFailed { Id = "p-1" };

        var status = GrpcExceptionMapper.ToStatus(new GrpcStatusException(StatusCode.FailedPrecondition, "no host", detail));

        Assert.Equal(StatusCode.FailedPrecondition, status.Code);
        Assert.Equal("no host", status.Message);
        Assert.Same(detail, Assert.Single(status.Details));
    }

    [Fact]
    public void ToStatus_OperationCanceled_IsCancelled()
    {
        Assert.Equal(StatusCode.Cancelled, GrpcExceptionMapper.ToStatus(new OperationCanceledException()).Code);
        Assert.Equal(StatusCode.Cancelled, GrpcExceptionMapper.ToStatus(new TaskCanceledException()).Code);
    }

    [Fact]
    public void ToStatus_OtherException_IsUnknownWithMessageOnly()
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

        var status = GrpcExceptionMapper.ToStatus(thrown);

        Assert.Equal(StatusCode.Unknown, status.Code);
        Assert.Equal("the cluster said no", status.Message);
        Assert.Empty(status.Details);
        Assert.True(GrpcExceptionMapper.IsUnexpected(thrown));
    }

    [Fact]
    public void IsUnexpected_StatusAndCancellation_AreExpected()
    {
        Assert.False(GrpcExceptionMapper.IsUnexpected(GrpcStatusException.Unimplemented("Read")));
        Assert.False(GrpcExceptionMapper.IsUnexpected(new OperationCanceledException()));
    }

    [Fact]
    public void Constructor_StatusOk_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new GrpcStatusException(StatusCode.OK, "fine"));
    }

    [Fact]
    public void Unimplemented_NamesTheMethod()
    {
        var e = GrpcStatusException.Unimplemented("Construct");

        Assert.Equal(StatusCode.Unimplemented, e.StatusCode);
        Assert.Contains("Construct", e.Message, StringComparison.Ordinal);
    }
}
