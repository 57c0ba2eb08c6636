using System.Text.Json.Nodes;

namespace Kfp.Emulator.Kube.Watch;

/// <summary>One change of a stored object: ADDED, MODIFIED or DELETED, with the revision that made it.</summary>
internal sealed record WatchEvent(long Revision, string Type, ResourceType Resource, JsonObject Object);
