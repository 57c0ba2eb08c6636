using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kfp.Provider.Protocol.Grpc;

/// <summary>
/// Kestrel's socket transport with a memory pool of our choosing. The pool is a transport option only the transport's
/// own registration (<see cref="WebHostBuilderSocketExtensions.UseSockets(IWebHostBuilder)"/>) can set, from the
/// <see cref="IMemoryPoolFactory{T}"/> in the services. So that registration runs here against a plain service
/// collection, through a builder that only collects services: no host is built, and start-up pays for one small
/// container instead of the generic host.
/// </summary>
internal static class SocketTransport
{
    public static IConnectionListenerFactory Create(IMemoryPoolFactory<byte> pool, out ServiceProvider services)
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        collection.AddSingleton(pool);
        new ServicesOnly(collection).UseSockets();
        services = collection.BuildServiceProvider();
        return services.GetRequiredService<IConnectionListenerFactory>();
    }

    /// <summary>Applies service registrations at once; a transport registration needs nothing else of a host.</summary>
    private sealed class ServicesOnly(IServiceCollection services) : IWebHostBuilder
    {
        public IWebHostBuilder ConfigureServices(Action<IServiceCollection> configureServices)
        {
            configureServices(services);
            return this;
        }

        public IWebHostBuilder ConfigureServices(Action<WebHostBuilderContext, IServiceCollection> configureServices) =>
            throw new NotSupportedException("Only service registrations are collected.");

        public IWebHostBuilder ConfigureAppConfiguration(Action<WebHostBuilderContext, IConfigurationBuilder> configureDelegate) =>
            throw new NotSupportedException("Only service registrations are collected.");

#pragma warning disable ASPDEPR008 // The interface's own member, never called: no host is built.
        public IWebHost Build() => throw new NotSupportedException("No host is built.");
#pragma warning restore ASPDEPR008

        public string? GetSetting(string key) => null;

        public IWebHostBuilder UseSetting(string key, string? value) => this;
    }
}
