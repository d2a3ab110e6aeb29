using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;
using OsmSharp.IO.PBF;
using ProtoBuf;

namespace Routing.Osm.Import;

/// <summary>
/// The data blobs of an OSM PBF file, found without decompressing them (each blob is a 4-byte length, a small
/// <see cref="BlobHeader"/> and the compressed block), and decoded by OsmSharp on every core: each worker hands
/// the bytes of one blob at a time to its own <see cref="PBFReader"/>. Blobs are read from the file as they are
/// decoded, so a large extract is never held in memory whole.
/// </summary>
internal sealed class PbfBlobs : IDisposable
{
    /// <summary>The PBF specification's limits: a blob header under 64 KiB, a blob under 32 MiB.</summary>
    private const int MaxHeaderBytes = 64 * 1024;
    private const int MaxBlobBytes = 32 * 1024 * 1024;

    private readonly SafeFileHandle _file;
    private readonly List<(long Offset, int Length)> _frames;

    private PbfBlobs(SafeFileHandle file, List<(long Offset, int Length)> frames)
    {
        _file = file;
        _frames = frames;
    }

    /// <summary>How many data blobs (blocks of nodes, ways or relations) the file holds.</summary>
    public int Count => _frames.Count;

    /// <exception cref="InvalidDataException">The framing is broken (a length beyond the file or the specification's limits).</exception>
    public static PbfBlobs Open(string path)
    {
        var file = File.OpenHandle(path);
        try
        {
            long length = RandomAccess.GetLength(file);
            var frames = new List<(long, int)>();
            Span<byte> prefix = stackalloc byte[4];
            for (long offset = 0; offset < length;)
            {
                ReadExactly(file, prefix, offset);
                int headerBytes = BinaryPrimitives.ReadInt32BigEndian(prefix);
                if (headerBytes is <= 0 or > MaxHeaderBytes)
                {
                    throw new InvalidDataException($"a blob header of {headerBytes} bytes at byte {offset}");
                }
                var header = Serializer.Deserialize<BlobHeader>(new MemoryStream(ReadBytes(file, headerBytes, offset + 4)));
                if (header.datasize is < 0 or > MaxBlobBytes)
                {
                    throw new InvalidDataException($"a blob of {header.datasize} bytes at byte {offset}");
                }
                long frameBytes = 4L + headerBytes + header.datasize;
                if (offset + frameBytes > length)
                {
                    throw new InvalidDataException($"the blob at byte {offset} ends after the file");
                }
                if (header.type == Encoder.OSMData)
                {
                    frames.Add((offset, (int)frameBytes));
                }
                offset += frameBytes;
            }
            return new PbfBlobs(file, frames);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Decodes the blobs at the given indices, in that order of starting, on every core. Each worker makes its own
    /// state with <paramref name="newWorker"/>; <paramref name="visit"/> gets it, the blob's index and the block, which
    /// the worker reuses for its next blob. When it returns false, no blob later in <paramref name="order"/> is
    /// started (those already started still finish).
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled; no blob is started after that.</exception>
    public void Decode<TWorker>(
        IReadOnlyList<int> order, Func<TWorker> newWorker, Func<TWorker, int, PrimitiveBlock, bool> visit, CancellationToken cancellation)
    {
        int next = -1;
        int stopAt = order.Count;
        int workers = Math.Clamp(Environment.ProcessorCount, 1, Math.Max(1, order.Count));
        Parallel.For(0, workers, _ =>
        {
            // PBFReader builds its serialization model once; a worker keeps one reader and feeds it blob after blob.
            using var frame = new MemoryStream();
            var reader = new PBFReader(frame);
            var worker = newWorker();
            for (int position = Interlocked.Increment(ref next);
                 position < Volatile.Read(ref stopAt) && !cancellation.IsCancellationRequested;
                 position = Interlocked.Increment(ref next))
            {
                var (offset, length) = _frames[order[position]];
                frame.SetLength(length);
                ReadExactly(_file, frame.GetBuffer().AsSpan(0, length), offset);
                frame.Position = 0;
                var block = reader.MoveNext() ?? throw new InvalidDataException($"the blob at byte {offset} holds no data block");
                if (!visit(worker, order[position], block))
                {
                    InterlockedMin(ref stopAt, position + 1);
                }
            }
        });
        cancellation.ThrowIfCancellationRequested();
    }

    public void Dispose() => _file.Dispose();

    private static byte[] ReadBytes(SafeFileHandle file, int count, long offset)
    {
        var bytes = new byte[count];
        ReadExactly(file, bytes, offset);
        return bytes;
    }

    private static void ReadExactly(SafeFileHandle file, Span<byte> buffer, long offset)
    {
        while (!buffer.IsEmpty)
        {
            int read = RandomAccess.Read(file, buffer, offset);
            if (read == 0)
            {
                throw new EndOfStreamException($"the file ends at byte {offset}, inside a blob");
            }
            buffer = buffer[read..];
            offset += read;
        }
    }

    private static void InterlockedMin(ref int target, int value)
    {
        int seen = Volatile.Read(ref target);
        while (value < seen)
        {
            int previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
            {
                return;
            }
            seen = previous;
        }
    }
}
