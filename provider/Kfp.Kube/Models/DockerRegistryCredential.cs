namespace Kfp.Kube.Models;

/// <summary>One registry login of a pull secret: server (host[:port] or URL), username, password, optional email.</summary>
public sealed record DockerRegistryCredential(string Server, string Username, string Password, string? Email = null);
