using EducationHub.Grpc.Internal;

namespace EducationHub.Grpc.Tests;

public sealed class ProtocolHelperTests
{
    [Theory]
    [InlineData("1H", 36_000_000_000L)]
    [InlineData("2M", 1_200_000_000L)]
    [InlineData("3S", 30_000_000L)]
    [InlineData("100m", 1_000_000L)]
    [InlineData("250u", 2_500L)]
    [InlineData("1000n", 10L)]
    [InlineData("99999999S", 999_999_990_000_000L)]
    public void Timeout_values_parse(string value, long ticks)
    {
        Assert.True(GrpcTimeout.TryParse(value, out var timeout));
        Assert.Equal(ticks, timeout.Ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("10")]
    [InlineData("10x")]
    [InlineData("-1S")]
    [InlineData("123456789S")]
    public void Invalid_timeout_values_are_rejected(string value) => Assert.False(GrpcTimeout.TryParse(value, out _));

    [Theory]
    [InlineData(0.05)]
    [InlineData(1.5)]
    [InlineData(3600)]
    [InlineData(86_400 * 30)]
    public void Formatted_timeouts_round_trip_without_shrinking(double seconds)
    {
        var timeout = TimeSpan.FromSeconds(seconds);
        var text = GrpcTimeout.Format(timeout);
        Assert.True(text.Length <= 9);
        Assert.True(GrpcTimeout.TryParse(text, out var parsed));
        Assert.True(parsed >= timeout);
    }

    [Theory]
    [InlineData("plain message", "plain message")]
    [InlineData("100%", "100%25")]
    [InlineData("tab\there", "tab%09here")]
    [InlineData("☺", "%E2%98%BA")]
    [InlineData("😈", "%F0%9F%98%88")]
    public void Grpc_message_is_percent_encoded(string message, string wire)
    {
        Assert.Equal(wire, PercentEncoding.Encode(message));
        Assert.Equal(message, PercentEncoding.Decode(wire));
    }

    [Fact]
    public void Invalid_percent_escapes_are_kept_verbatim() => Assert.Equal("50%zz and %", PercentEncoding.Decode("50%zz and %"));

    [Theory]
    [InlineData("AQ", new byte[] { 1 })]
    [InlineData("AQ==", new byte[] { 1 })]
    [InlineData("q6ur", new byte[] { 0xab, 0xab, 0xab })]
    [InlineData("AQI", new byte[] { 1, 2 })]
    public void Binary_metadata_accepts_padded_and_unpadded_base64(string value, byte[] bytes) =>
        Assert.Equal(bytes, Base64Metadata.Decode(value));

    [Fact]
    public void Binary_metadata_is_emitted_unpadded() => Assert.Equal("AQ", Base64Metadata.Encode([1]));

    [Theory]
    [InlineData("application/grpc", true)]
    [InlineData("application/grpc+proto", true)]
    [InlineData("application/grpc;charset=utf-8", true)]
    [InlineData("application/grpc-web", false)]
    [InlineData("application/json", false)]
    [InlineData(null, false)]
    public void Grpc_content_types_are_recognised(string? contentType, bool expected) =>
        Assert.Equal(expected, GrpcProtocol.IsGrpcContentType(contentType));

    [Fact]
    public void Metadata_rejects_reserved_and_malformed_keys()
    {
        Assert.Throws<ArgumentException>(() => new Metadata().Add("grpc-status", "0"));
        Assert.Throws<ArgumentException>(() => new Metadata().Add("bad key", "x"));
        Assert.Throws<ArgumentException>(() => new Metadata().Add("x-bin", "text"));
        Assert.Throws<ArgumentException>(() => new Metadata().Add("x-text", new byte[] { 1 }));
        Assert.Throws<ArgumentException>(() => new Metadata().Add("x-text", "non-ascii ☺"));
        Assert.Equal("value", new Metadata().Add("X-Mixed-Case", "value").GetValue("x-mixed-case"));
    }
}
