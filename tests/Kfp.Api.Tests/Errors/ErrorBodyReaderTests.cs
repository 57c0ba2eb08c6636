using System.Net;
using System.Text;

namespace Kfp.Api.Tests.Errors;

public sealed class ErrorBodyReaderTests
{
    private static (int?, string) Read(string body) => ErrorBodyReader.Read(Encoding.UTF8.GetBytes(body));

    [Fact]
    public void Read_GrpcGatewayStatus_TakesShortMessageFromDetails()
    {
        var (code, message) = Read("""
            {"code":5,"message":"Failed to get a pipeline 1. Check error stack: ResourceNotFoundError: Pipeline 1 not found",
             "details":[{"@type":"type.googleapis.com/google.rpc.Status","code":5,"message":"Pipeline 1 not found"}]}
            """);

        Assert.Equal(5, code);
        Assert.Equal("Pipeline 1 not found", message);
    }

    [Fact]
    public void Read_StatusWithoutDetails_TakesMessage()
    {
        Assert.Equal((12, "Method Not Allowed"), Read("""{"code":12,"message":"Method Not Allowed"}"""));
    }

    [Fact]
    public void Read_UploadErrorBody_TakesErrorMessage()
    {
        Assert.Equal((null, "Failed to create a pipeline"), Read("""{"error_message":"Failed to create a pipeline","error_details":"stack"}"""));
    }

    [Fact]
    public void Read_PlainText_TakesText()
    {
        Assert.Equal((null, "Namespace too long"), Read("Namespace too long\n"));
    }

    [Fact]
    public void KindOf_NoGrpcCode_UsesHttpStatus()
    {
        Assert.Equal(KfpErrorKind.AlreadyExists, ErrorBodyReader.KindOf(null, HttpStatusCode.Conflict));
        Assert.Equal(KfpErrorKind.Aborted, ErrorBodyReader.KindOf(10, HttpStatusCode.Conflict));
    }
}
