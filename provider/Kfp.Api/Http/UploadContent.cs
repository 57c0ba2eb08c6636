using System.Net.Http.Headers;
using System.Text;

namespace Kfp.Api.Http;

/// <summary>The multipart body of the upload endpoints: one file part named <c>uploadfile</c>.</summary>
internal static class UploadContent
{
    public static Func<HttpContent> For(string spec, string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var bytes = Encoding.UTF8.GetBytes(spec);
        return () =>
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(
                fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "application/json" : "application/x-yaml");
            var form = new MultipartFormDataContent { { file, "uploadfile", fileName } };
            return form;
        };
    }
}
