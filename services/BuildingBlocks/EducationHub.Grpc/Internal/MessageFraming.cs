using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;

namespace EducationHub.Grpc.Internal;

/// <summary>
/// The gRPC length-prefixed message: 1 byte compressed flag, 4 bytes big-endian length, payload.
/// Shared by the server and the client.
/// </summary>
internal static class MessageFraming
{
    /// <summary>
    /// Takes one complete frame off the front of <paramref name="buffer"/>. Returns false when the
    /// frame is not complete yet. Throws RESOURCE_EXHAUSTED as soon as the prefix announces a
    /// message over the limit, so oversized messages are never buffered.
    /// </summary>
    public static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, int? maxSize, out ReadOnlySequence<byte> payload, out bool compressed)
    {
        payload = default;
        compressed = false;
        if (buffer.Length < GrpcProtocol.HeaderSize)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[GrpcProtocol.HeaderSize];
        buffer.Slice(0, GrpcProtocol.HeaderSize).CopyTo(header);
        compressed = header[0] switch
        {
            0 => false,
            1 => true,
            _ => throw new RpcException(new Status(StatusCode.Internal, "Invalid compressed flag in message prefix.")),
        };
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (maxSize is { } max && length > (uint)max)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, $"Received message larger than max ({length} vs. {max})"));
        }

        if (buffer.Length - GrpcProtocol.HeaderSize < length)
        {
            return false;
        }

        payload = buffer.Slice(GrpcProtocol.HeaderSize, length);
        buffer = buffer.Slice(payload.End);
        return true;
    }

    public static T Parse<T>(MessageParser<T> parser, in ReadOnlySequence<byte> payload, bool compressed, string? encoding, int? maxSize)
        where T : IMessage<T>
    {
        try
        {
            if (!compressed)
            {
                return parser.ParseFrom(payload);
            }

            if (!string.Equals(encoding, GrpcProtocol.GzipEncoding, StringComparison.OrdinalIgnoreCase))
            {
                // The spec makes a compressed message without a usable grpc-encoding a protocol error.
                throw new RpcException(new Status(StatusCode.Internal, $"Compressed message received with grpc-encoding '{encoding ?? GrpcProtocol.IdentityEncoding}'."));
            }

            var bytes = GzipCodec.Decompress(payload, maxSize)
                ?? throw new RpcException(new Status(StatusCode.ResourceExhausted, $"Decompressed message larger than max ({maxSize})"));
            return parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Failed to deserialize message.", ex));
        }
        catch (InvalidDataException ex)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Failed to decompress message.", ex));
        }
    }

    /// <summary>Writes one framed message straight into the output buffer (no intermediate copy when uncompressed).</summary>
    public static void WriteFrame(IBufferWriter<byte> writer, IMessage message, bool compress, int? maxSize)
    {
        var size = message.CalculateSize();
        if (maxSize is { } max && size > max)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, $"Sending message larger than max ({size} vs. {max})"));
        }

        if (!compress)
        {
            var header = writer.GetSpan(GrpcProtocol.HeaderSize);
            header[0] = 0;
            BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)size);
            writer.Advance(GrpcProtocol.HeaderSize);
            if (size > 0)
            {
                message.WriteTo(writer);
            }

            return;
        }

        var raw = ArrayPool<byte>.Shared.Rent(Math.Max(size, 1));
        try
        {
            message.WriteTo(raw.AsSpan(0, size));
            var compressed = GzipCodec.Compress(raw.AsSpan(0, size));
            var span = writer.GetSpan(GrpcProtocol.HeaderSize + compressed.Length);
            span[0] = 1;
            BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)compressed.Length);
            compressed.CopyTo(span[GrpcProtocol.HeaderSize..]);
            writer.Advance(GrpcProtocol.HeaderSize + compressed.Length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(raw);
        }
    }
}
