namespace Kfp.Kube.Http;

/// <summary>One API call: method, path with query, optional body and its content type.</summary>
internal sealed record KubeRequest(HttpMethod Method, string PathAndQuery, string? Body = null, string ContentType = "application/json")
{
    public string Describe() => $"{Method} {PathAndQuery.Split('?')[0]}";
}
