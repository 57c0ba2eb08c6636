using System.Collections;
using System.Text.Json.Nodes;

namespace Kfp.Compiler.Validation;

/// <summary>
/// The members of an object (none for null), walked by index: a <see cref="JsonObject"/>'s own enumerator is an
/// interface, one allocation per walk, and the rules walk thousands of small objects per spec. The object must not be
/// changed during the walk (validation only reads).
/// </summary>
internal readonly struct Members(JsonObject? obj) : IEnumerable<KeyValuePair<string, JsonNode?>>
{
    public Enumerator GetEnumerator() => new(obj);

    IEnumerator<KeyValuePair<string, JsonNode?>> IEnumerable<KeyValuePair<string, JsonNode?>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public struct Enumerator(JsonObject? obj) : IEnumerator<KeyValuePair<string, JsonNode?>>
    {
        private int _index = -1;

        public readonly KeyValuePair<string, JsonNode?> Current => obj!.GetAt(_index);

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => obj is not null && ++_index < obj.Count;

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }
}
