namespace Kfp.Api.Tests.Support;

/// <summary>Passes requests through; a later step validates bodies against the KFP swagger here.</summary>
public sealed class SchemaCheckingHandler(HttpMessageHandler inner) : DelegatingHandler(inner);
