using System.Collections.Immutable;

namespace Kfp.Compiler.Sources;

/// <summary>
/// Everything a compile reads from disk, read once: the source's root directory, its entry file's content and every
/// file a compiler may import (for a directory source, the whole tree minus <see cref="SourceExcludes"/>), each with its
/// content hash. The cache key is built from this, so a change to any of these files recompiles.
/// </summary>
/// <param name="Root">Absolute directory: the source directory, or the source file's directory.</param>
/// <param name="EntryPath">Absolute path of the entry file (<c>{source}</c>).</param>
/// <param name="IsDirectory">True when the request named a directory.</param>
/// <param name="EntryContent">The entry file's bytes.</param>
/// <param name="Files">The files hashed into the key, in ordinal order of <see cref="SourceFile.RelativePath"/>.</param>
internal sealed record SourceSnapshot(string Root, string EntryPath, bool IsDirectory, byte[] EntryContent, ImmutableArray<SourceFile> Files)
{
    /// <summary>The entry file relative to <see cref="Root"/>, with <c>/</c> separators (<c>{entryPoint}</c>).</summary>
    public string EntryRelative => Path.GetRelativePath(Root, EntryPath).Replace('\\', '/');
}

/// <summary>One file of a source: its path relative to the source root (with <c>/</c>), absolute path, size and SHA-256.</summary>
public sealed record SourceFile(string RelativePath, string FullPath, long Length, string Sha256);
