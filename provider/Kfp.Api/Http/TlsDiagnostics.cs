using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Kfp.Api.Http;

/// <summary>
/// Why a TLS handshake failed, in words: the certificate check records its reason per host (the handshake's
/// own exception only says "see inner exception"), and <see cref="Explain"/> turns a failed request into it.
/// </summary>
internal sealed class TlsDiagnostics
{
    private readonly ConcurrentDictionary<string, string> _reasons = new(StringComparer.OrdinalIgnoreCase);

    public static string HostOf(object sender) => (sender as SslStream)?.TargetHostName ?? "";

    public void Record(string host, string reason) => _reasons[host] = reason;

    /// <summary>The certificate problem as a sentence, or null when there is none.</summary>
    public static string? Describe(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors, string host, string trustedBy)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return "the server sent no certificate";
        }
        using var cert = new X509Certificate2(certificate);
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return $"name mismatch: the server's certificate is for '{Names(cert)}', not for '{host}'";
        }
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors) || chain is not null)
        {
            var statuses = chain?.ChainStatus.Select(s => s.Status).Where(s => s != X509ChainStatusFlags.NoError).ToHashSet() ?? [];
            if (statuses.Contains(X509ChainStatusFlags.NotTimeValid))
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"the server's certificate for '{Names(cert)}' has expired or is not valid yet (valid {cert.NotBefore.ToUniversalTime():u} to {cert.NotAfter.ToUniversalTime():u})");
            }
            if (statuses.Contains(X509ChainStatusFlags.Revoked))
            {
                return $"the server's certificate for '{Names(cert)}' is revoked";
            }
            return $"untrusted certificate: the server's certificate for '{Names(cert)}' (issued by '{cert.Issuer}') is not signed by {trustedBy}";
        }
        return errors == SslPolicyErrors.None ? null : $"the server's certificate was refused ({errors})";
    }

    /// <summary>The TLS cause of <paramref name="e"/> as a sentence, or null when it is not a TLS failure.</summary>
    public string? Explain(HttpRequestException e, Uri requestUri)
    {
        var authentication = Find<AuthenticationException>(e);
        var io = Find<IOException>(e);
        var text = authentication?.Message ?? io?.Message ?? "";
        if (requestUri.Scheme == "https" && (text.Contains("frame", StringComparison.OrdinalIgnoreCase) || text.Contains("packet", StringComparison.OrdinalIgnoreCase)))
        {
            return $"TLS handshake with {requestUri.Authority} failed: protocol: the server did not answer TLS (is it plain HTTP? then use http:// in kfp:host): {text}";
        }
        if (authentication is null)
        {
            return null;
        }
        if (_reasons.TryGetValue(requestUri.IdnHost, out var recorded))
        {
            return $"TLS handshake with {requestUri.Authority} failed: {recorded}";
        }
        var reason = text switch
        {
            _ when text.Contains("NameMismatch", StringComparison.Ordinal) => "name mismatch: the server's certificate is not for the host in kfp:host",
            _ when text.Contains("UntrustedRoot", StringComparison.Ordinal) || text.Contains("PartialChain", StringComparison.Ordinal)
                || text.Contains("ChainErrors", StringComparison.Ordinal) => "untrusted certificate: it is not signed by a trusted CA",
            _ when text.Contains("NotTimeValid", StringComparison.Ordinal) => "the server's certificate has expired or is not valid yet",
            _ when text.Contains("alert", StringComparison.OrdinalIgnoreCase) || text.Contains("protocol", StringComparison.OrdinalIgnoreCase)
                || text.Contains("cipher", StringComparison.OrdinalIgnoreCase) => $"protocol: no TLS version or cipher both sides accept ({text})",
            _ => text,
        };
        return $"TLS handshake with {requestUri.Authority} failed: {reason}";
    }

    private static string Names(X509Certificate2 cert)
    {
        var dns = cert.GetNameInfo(X509NameType.DnsName, forIssuer: false);
        return string.IsNullOrEmpty(dns) ? cert.Subject : dns;
    }

    private static T? Find<T>(Exception e)
        where T : Exception
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }
        return null;
    }
}
