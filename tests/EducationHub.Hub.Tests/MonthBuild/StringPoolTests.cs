using System.Text;
using EducationHub.Hub.Infrastructure;

namespace EducationHub.Hub.Tests.MonthBuild;

/// <summary>
/// The month build's readers look short text columns up by their UTF-8 bytes: the pooled string
/// must always be exactly what decoding the bytes gives, and one instance per value.
/// </summary>
public class StringPoolTests
{
    public static TheoryData<string> Values => new()
    {
        "schoolrisk", "", "high", "Inadequate – é", "Ofsted ✓ 🏫",
        // At the limit in UTF-8 bytes, ASCII and not.
        new string('o', StringPool.MaxLength), "é" + new string('d', StringPool.MaxLength - 2),
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_comes_back_as_its_decoded_text_and_the_same_instance_every_time(string value)
    {
        var pool = new StringPool();
        var first = pool.Get(Encoding.UTF8.GetBytes(value));
        var second = pool.Get(Encoding.UTF8.GetBytes(value));
        Assert.Equal(value, first);
        Assert.Same(first, second);
    }

    [Fact]
    public void Values_that_share_a_prefix_or_a_length_are_not_confused()
    {
        var pool = new StringPool();
        string[] values = ["high", "hig", "high ", "High", "hiGh", "wol", "wól"];
        foreach (var value in values) pool.Get(Encoding.UTF8.GetBytes(value));
        foreach (var value in values) Assert.Equal(value, pool.Get(Encoding.UTF8.GetBytes(value)));
    }

    [Fact]
    public void A_value_longer_than_the_limit_is_decoded_but_not_kept()
    {
        var pool = new StringPool();
        var value = "é" + new string('d', StringPool.MaxLength); // one byte over
        var bytes = Encoding.UTF8.GetBytes(value);
        var first = pool.Get(bytes);
        Assert.Equal(value, first);
        Assert.NotSame(first, pool.Get(bytes));
    }

    [Fact]
    public void Bytes_that_are_not_valid_UTF8_give_what_decoding_gives()
    {
        var pool = new StringPool();
        byte[] invalid = [0x61, 0xC3, 0x28, 0xFF];
        var decoded = Encoding.UTF8.GetString(invalid);
        pool.Get(Encoding.UTF8.GetBytes(decoded)); // the replacement characters' own encoding, pooled first
        Assert.Equal(decoded, pool.Get(invalid));
        Assert.Equal(decoded, pool.Get(invalid));
    }

    [Fact]
    public void Past_its_bound_the_pool_still_gives_every_value_right()
    {
        var pool = new StringPool();
        var values = Enumerable.Range(0, 10_000).Select(i => $"value-{i}").ToList();
        var first = values.Select(v => pool.Get(Encoding.UTF8.GetBytes(v))).ToList();
        Assert.Equal(values, first);
        Assert.Equal(values, values.Select(v => pool.Get(Encoding.UTF8.GetBytes(v))));
        Assert.Same(first[0], pool.Get(Encoding.UTF8.GetBytes(values[0])));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void A_key_hashes_and_compares_as_its_UTF8_bytes(string value)
    {
        var comparer = Utf8KeyComparer.Instance;
        var bytes = Encoding.UTF8.GetBytes(value);
        Assert.Equal(comparer.GetHashCode(value), comparer.GetHashCode((ReadOnlySpan<byte>)bytes));
        Assert.True(comparer.Equals(bytes, value));
        Assert.False(comparer.Equals(bytes, value + "x"));
        Assert.False(comparer.Equals([.. bytes, 0x78], value));
    }
}
