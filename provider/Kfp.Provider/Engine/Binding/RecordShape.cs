using System.Collections.Immutable;
using Kfp.Provider.Protocol.Values;

namespace Kfp.Provider.Engine.Binding;

/// <summary>
/// The binding of one record type: its fields, each declared once with its property name, description and
/// attributes next to the lambdas that get and set it. Binding reads a property map into the record (every
/// problem a failure at its property path), writing turns the record back into a property map, and the schema
/// reads the same fields, so schema.json, Check and the code cannot disagree. No reflection: NativeAOT-safe.
/// </summary>
internal sealed class RecordShape<T>
    where T : class
{
    private readonly Func<T> _create;
    private readonly bool _outputs;
    private readonly List<Field<T>> _fields = [];
    private ImmutableHashSet<string> _tolerated = [];

    private RecordShape(Func<T> create, bool outputs)
    {
        _create = create;
        _outputs = outputs;
    }

    /// <summary>A record of inputs (a resource's arguments, a function's inputs, an object type).</summary>
    public static RecordShape<T> Inputs(Func<T> create) => new(create, outputs: false);

    /// <summary>A record of outputs (a resource's state, a function's result); fields mirroring an input need no description.</summary>
    public static RecordShape<T> Outputs(Func<T> create) => new(create, outputs: true);

    public IReadOnlyList<Field<T>> Fields => _fields;

    public ImmutableArray<PropertySpec> Specs => [.. _fields.Select(f => f.Spec)];

    /// <summary>Keys accepted in an input object and ignored (e.g. the extra outputs of a resource passed whole).</summary>
    public RecordShape<T> Tolerating(params string[] keys)
    {
        _tolerated = _tolerated.Union(keys);
        return this;
    }

    /// <summary>Reads <paramref name="map"/>; failures and unknowns go to <paramref name="binder"/>, named from <paramref name="path"/>.</summary>
    public T Bind(PropertyMap map, Binder binder, string path = "")
    {
        var record = _create();
        foreach (var field in _fields)
        {
            record = field.Read(record, map.Get(field.Name), Binder.Join(path, field.Name), binder);
        }
        if (path.Length > 0)
        {
            // Inside an object: the top level's required inputs are checked by Check, with the resource named.
            foreach (var field in _fields.Where(f => f.Spec.Required && map.Get(f.Name).Plain is NullValue))
            {
                binder.Fail(Binder.Join(path, field.Name), $"is required; set '{field.Name}'");
            }
            foreach (var key in map.Keys.Where(k => Find(k) is null && !_tolerated.Contains(k)))
            {
                binder.Fail(Binder.Join(path, key), $"is not a field here; use {string.Join(", ", _fields.Select(f => f.Name))}");
            }
        }
        return record;
    }

    /// <summary>Reads a map already checked (recorded inputs or state): values of the wrong shape are left unset.</summary>
    public T Bind(PropertyMap map) => Bind(map, new Binder());

    /// <summary>The record's set fields written onto <paramref name="onto"/> (unset fields leave what is there).</summary>
    public PropertyMap Write(T record, PropertyMap? onto = null)
    {
        var map = onto ?? PropertyMap.Empty;
        foreach (var field in _fields)
        {
            if (field.Write(record) is { } value)
            {
                map = map.With(field.Name, value);
            }
        }
        return map;
    }

    public Field<T>? Find(string name) => _fields.FirstOrDefault(f => f.Name == name);

    /// <summary>A string; <paramref name="meaning"/>, when given, is what Diff compares (two spellings of one value).</summary>
    public RecordShape<T> String(string name, Func<T, string?> get, Func<T, string?, T> set, string description,
        Prop props = Prop.None, IReadOnlyList<Rule<string>>? rules = null, Func<string, string>? meaning = null)
    {
        // A required string must also be non-empty: "" is never a name, an ID or a path.
        var all = props.HasFlag(Prop.Required) ? [Rules.NotEmpty, .. rules ?? []] : rules ?? [];
        return Add(Kinds.String, name, get, set, description, props, null, Validate<string?>(v => v is null ? null : all.Select(r => r(v)).FirstOrDefault(r => r is not null)),
            meaning is null ? null : v => v.Plain is StringValue s ? PropertyValue.Of(meaning(s.Value)) : v);
    }

    public RecordShape<T> Integer(string name, Func<T, long?> get, Func<T, long?, T> set, string description,
        Prop props = Prop.None, long min = long.MinValue, long max = long.MaxValue, long? @default = null) =>
        Add(Kinds.Integer, name, get, set, description, props, @default, Validate<long?>(v => v is { } x && (x < min || x > max) ? $"must be between {min} and {max}, got {x}" : null));

    public RecordShape<T> Boolean(string name, Func<T, bool?> get, Func<T, bool?, T> set, string description,
        Prop props = Prop.None, bool? @default = null) =>
        Add(Kinds.Boolean, name, get, set, description, props, @default, null);

    /// <summary>A list of strings; <paramref name="itemRules"/> check each item (failures at <c>name[i]</c>).</summary>
    public RecordShape<T> StringList(string name, Func<T, ImmutableArray<string>?> get, Func<T, ImmutableArray<string>?, T> set, string description,
        Prop props = Prop.None, IReadOnlyList<Rule<string>>? itemRules = null) =>
        Add(Kinds.StringList, name, get, set, description, props, null, itemRules is null ? null : (list, path, binder) =>
        {
            for (var i = 0; i < (list?.Length ?? 0); i++)
            {
                if (itemRules.Select(r => r(list!.Value[i])).FirstOrDefault(r => r is not null) is { } reason)
                {
                    binder.Fail($"{path}[{i}]", reason);
                }
            }
        });

    public RecordShape<T> StringMap(string name, Func<T, ImmutableSortedDictionary<string, string>?> get,
        Func<T, ImmutableSortedDictionary<string, string>?, T> set, string description, Prop props = Prop.None) =>
        Add(Kinds.StringMap, name, get, set, description, props, null, null);

    /// <summary>Any JSON value; <paramref name="rule"/> says which shapes are accepted.</summary>
    public RecordShape<T> Any(string name, Func<T, PropertyValue?> get, Func<T, PropertyValue?, T> set, string description,
        Prop props = Prop.None, Rule<PropertyValue>? rule = null) =>
        Add(Kinds.Any, name, get, set, description, props, null, Validate<PropertyValue?>(v => v is null || rule is null ? null : rule(v)));

    /// <summary>A list of objects of another record type (schema type <paramref name="token"/>).</summary>
    public RecordShape<T> Objects<TItem>(string name, Func<T, ImmutableArray<TItem>?> get, Func<T, ImmutableArray<TItem>?, T> set,
        string description, RecordShape<TItem> item, string token, Prop props = Prop.None)
        where TItem : class =>
        Add(new ObjectListKind<TItem>(item, token), name, get, set, description, props, null, null);

    /// <summary>A field of a kind declared elsewhere (a value that arrives in more than one form, such as configuration).</summary>
    public RecordShape<T> Field<TValue>(Kind<TValue> kind, string name, Func<T, TValue> get, Func<T, TValue, T> set, string description,
        Prop props = Prop.None) =>
        Add(kind, name, get, set, description, props, null, null);

    /// <summary>The field declared last reads <paramref name="variable"/> when it is not set (see <see cref="PropertySpec.Environment"/>).</summary>
    public RecordShape<T> FallingBackTo(string variable)
    {
        var last = _fields[^1];
        _fields[^1] = last.With(last.Spec with { Environment = variable });
        return this;
    }

    private RecordShape<T> Add<TValue>(Kind<TValue> kind, string name, Func<T, TValue> get, Func<T, TValue, T> set, string description,
        Prop props, object? @default, Action<TValue, string, Binder>? validate, Func<PropertyValue, PropertyValue>? meaning = null)
    {
        if (_fields.Any(f => f.Name == name))
        {
            throw new InvalidOperationException($"{typeof(T).Name}: property '{name}' is declared twice");
        }
        var computed = props.HasFlag(Prop.Computed);
        var spec = new PropertySpec(name, kind.Type, description)
        {
            Input = !_outputs && !computed,
            AlwaysOutput = (_outputs || computed) && !props.HasFlag(Prop.Optional),
            ComputedByCheck = computed,
            ComparedWhenRecorded = props.HasFlag(Prop.Explains),
            NeverCompared = props.HasFlag(Prop.Display),
            Required = props.HasFlag(Prop.Required),
            Secret = props.HasFlag(Prop.Secret),
            ReplaceOnChanges = props.HasFlag(Prop.Replace),
            TracksDrift = props.HasFlag(Prop.Drift),
            ObjectType = kind.ObjectType,
            Default = @default,
            Meaning = meaning,
        };
        _fields.Add(new Field<T, TValue>(spec, kind, get, set, validate));
        return this;
    }

    private static Action<TValue, string, Binder> Validate<TValue>(Func<TValue, string?> rule) => (value, path, binder) =>
    {
        if (rule(value) is { } reason)
        {
            binder.Fail(path, reason);
        }
    };
}
