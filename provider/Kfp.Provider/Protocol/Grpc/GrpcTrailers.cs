using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Kfp.Provider.Protocol.Grpc;

/// <summary>Writes a call's status as HTTP/2 trailers.</summary>
internal static class GrpcTrailers
{
    public static void Write(HttpResponse response, RpcStatus status)
    {
        response.AppendTrailer(GrpcHeaders.Status, ((int)status.Code).ToString(CultureInfo.InvariantCulture));
        if (status.Code == StatusCode.OK)
        {
            return;
        }

        if (status.Message.Length > 0)
        {
            response.AppendTrailer(GrpcHeaders.Message, PercentEncoding.Encode(status.Message));
        }

        if (status.Details.Count > 0)
        {
            response.AppendTrailer(GrpcHeaders.StatusDetails, GrpcStatusDetails.Encode(status.ToProto()));
        }
    }
}
