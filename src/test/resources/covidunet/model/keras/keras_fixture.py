#!/usr/bin/env python3
"""Keras 2.4 HDF5 test fixtures and an independent NumPy forward-pass oracle.

Test support for the Java Keras-HDF5 importer of the covidunet Fiji plugin.
Needs only Python 3 (3.11 tested), NumPy and h5py; no TensorFlow or Keras.

Subcommands
-----------
write    --output F.hdf5 --variant V [--depth D] [--filters N] [--classes C]
         [--seed S] [--optimizer none|partial|full]
    Writes a model file laid out like ``tf.keras`` 2.4's
    ``model.save(F, save_format='h5')`` (``save_model_to_hdf5``):

    * root attributes ``keras_version`` ('2.4.0') and ``backend``
      ('tensorflow') as variable-length UTF-8 strings (Keras passes Python
      ``str``), ``model_config`` and ``training_config`` as variable-length
      ASCII strings holding JSON (Keras passes ``json.dumps(..).encode()``);
      ``model_config`` is ``{"class_name": "Functional", "config": {...}}``;
    * group ``model_weights`` with attributes ``layer_names`` (fixed-length
      byte strings, model.layers order), ``backend`` and ``keras_version``
      (byte strings), and one subgroup per layer (created in sorted name
      order) with attribute ``weight_names`` (fixed-length byte strings such
      as b'conv3d/kernel:0'; an empty float64 array for weightless layers)
      and float32 datasets at ``model_weights/<layer>/<layer>/<weight>:0``;
    * group ``optimizer_weights`` (Adam state: ``Adam/iter:0`` int64 scalar
      plus m/v slots; 'partial' = slots of the first two variables only,
      'full' = all of them, 'none' = no group, no training_config).

    Variants:
      standard      MIScnn 1.1.9 ``unet.standard.Architecture(n_filters=N,
                    depth=D, activation='softmax', batch_normalization=True)
                    .create_model_3D((None, None, None, 1), n_labels=C)``.
                    Defaults D=4, N=32, C=4 = published size (22,587,204
                    parameters). Input sides must be multiples of 2**D.
      zoo           small functional 3-D model using every layer type the
                    importer supports, mostly with non-default configs (see
                    ``build_zoo``). Valid inputs (b, d1, d2, d3, 1): d1 a
                    multiple of 8, d2 and d3 multiples of 4 (e.g. 8x4x4,
                    16x24x8, 32x32x16). Output has C channels (softmax).
      unsupported   standard U-Net (default D=2, N=4) with an extra
                    ``LayerNormalization`` (weights gamma/beta) before the head.
      two_d         MIScnn ``create_model_2D`` (default D=2, N=4): Conv2D,
                    BatchNormalization, MaxPooling2D, Conv2DTranspose,
                    batch_input_shape [null, null, null, 1].
      not_keras     valid HDF5 (a dataset, a group, attributes) without any
                    ``model_config`` attribute.
      weights_only  ``model.save_weights(F)`` layout of the small standard
                    U-Net: root attrs layer_names/backend/keras_version and the
                    layer groups at the root, no model_config.
    Default D/N: standard 4/32, other U-Net variants 2/4; C=4; seed 1.
    Weights: kernels N(0, sqrt(2/fan_in)), biases N(0, 0.1), BN gamma
    U(0.5, 1.5), beta N(0, 0.1), moving_mean N(0, 0.1), moving_variance
    U(0.5, 2.0); generated in layer creation order from numpy's PCG64 with
    the seed, so the file content is a pure function of the arguments.

forward  --model F.hdf5 --input X.npy --output Y.npy
    Independent float64 NumPy inference. Reads only the file (model_config
    JSON + model_weights), walks the graph through ``inbound_nodes`` and
    evaluates each layer with TensorFlow semantics (SAME padding
    pad_before = total // 2, conv transpose as the exact adjoint of the
    forward convolution, BN inference, etc.). X is channels-last
    (batch, d1, d2, d3, 1) (or (batch, h, w, 1) for 2-D models); Y is float32
    (batch, d1, d2, d3, C).

input    --output X.npy --shape b,d1,d2,d3,1 [--seed S]
    Standard normal float32 input.

dump     --model F.hdf5 [--limit N] [--config-chars N]
    h5ls -r style listing (via visititems) plus the start of model_config.

selftest
    Checks the oracle's primitives against direct loops / identities and runs
    every variant end to end on tiny sizes. Prints "selftest ok".

All outputs are written to "<file>.tmp" and then renamed with os.replace.
"""

import argparse
import itertools
import json
import math
import os
import sys
import tempfile
import time

import h5py
import numpy as np

KERAS_VERSION = '2.4.0'
BACKEND = 'tensorflow'

# Keras' snake_case layer-name prefixes (generic_utils.to_snake_case).
NAME_PREFIX = {
    'Conv1D': 'conv1d', 'Conv2D': 'conv2d', 'Conv3D': 'conv3d',
    'Conv2DTranspose': 'conv2d_transpose', 'Conv3DTranspose': 'conv3d_transpose',
    'BatchNormalization': 'batch_normalization',
    'LayerNormalization': 'layer_normalization',
    'MaxPooling2D': 'max_pooling2d', 'MaxPooling3D': 'max_pooling3d',
    'AveragePooling2D': 'average_pooling2d', 'AveragePooling3D': 'average_pooling3d',
    'UpSampling2D': 'up_sampling2d', 'UpSampling3D': 'up_sampling3d',
    'Concatenate': 'concatenate', 'Add': 'add', 'Activation': 'activation',
    'ReLU': 're_lu', 'Softmax': 'softmax', 'Dropout': 'dropout',
    'SpatialDropout3D': 'spatial_dropout3d',
}


# ===========================================================================
# Model description (what Keras' get_config() / weights would contain)
# ===========================================================================

def _initializer(class_name, **config):
    return {'class_name': class_name, 'config': dict(config)}


def _f32(value):
    """A float as Keras serialises a float32 numpy value (e.g. 0.1 -> 0.10000000149011612)."""
    return float(np.float32(value))


class T:
    """A symbolic tensor: producing layer name and channel count."""

    def __init__(self, layer, channels):
        self.layer = layer
        self.channels = channels


class Net:
    """Minimal functional-graph builder producing Keras 2.4 layer configs."""

    def __init__(self, rng, rank):
        self.rng = rng
        self.rank = rank
        self.layers = []          # creation order
        self.uid = {}
        self.inputs = []
        self.outputs = []

    # -- naming / bookkeeping ------------------------------------------------
    def _unique(self, prefix, zero_based=True):
        n = self.uid.get(prefix, 0)
        self.uid[prefix] = n + 1
        if zero_based:
            return prefix if n == 0 else '%s_%d' % (prefix, n)
        return '%s_%d' % (prefix, n + 1)

    def _add(self, class_name, items, inputs, weights_fn, out_channels):
        name = self._unique(NAME_PREFIX[class_name])
        config = {'name': name, 'trainable': True, 'dtype': 'float32'}
        config.update(items)
        weights = weights_fn(name) if weights_fn else []
        self.layers.append({'class_name': class_name, 'config': config, 'name': name,
                            'inbound': [t.layer for t in inputs], 'weights': weights})
        return T(name, out_channels)

    def _tuple(self, v):
        return list(v) if isinstance(v, (tuple, list)) else [v] * self.rank

    # -- random parameters ----------------------------------------------------
    def _he(self, shape, fan_in):
        return (self.rng.standard_normal(shape) * math.sqrt(2.0 / fan_in)).astype(np.float32)

    def _bias(self, n):
        return self.rng.normal(0.0, 0.1, n).astype(np.float32)

    # -- layers ---------------------------------------------------------------
    def input(self, channels):
        name = self._unique('input', zero_based=False)
        config = {'batch_input_shape': [None] * (self.rank + 1) + [channels],
                  'dtype': 'float32', 'sparse': False, 'ragged': False, 'name': name}
        self.layers.append({'class_name': 'InputLayer', 'config': config, 'name': name,
                            'inbound': [], 'weights': []})
        t = T(name, channels)
        self.inputs.append(t)
        return t

    def conv(self, x, filters, kernel, strides=1, padding='valid', dilation=1,
             activation=None, use_bias=True):
        k, s, d = self._tuple(kernel), self._tuple(strides), self._tuple(dilation)
        items = {
            'filters': filters, 'kernel_size': k, 'strides': s, 'padding': padding,
            'data_format': 'channels_last', 'dilation_rate': d, 'groups': 1,
            'activation': activation or 'linear', 'use_bias': use_bias,
            'kernel_initializer': _initializer('GlorotUniform', seed=None),
            'bias_initializer': _initializer('Zeros'),
            'kernel_regularizer': None, 'bias_regularizer': None,
            'activity_regularizer': None, 'kernel_constraint': None,
            'bias_constraint': None,
        }

        def weights(name):
            w = [(name + '/kernel:0', self._he(tuple(k) + (x.channels, filters),
                                               int(np.prod(k)) * x.channels))]
            if use_bias:
                w.append((name + '/bias:0', self._bias(filters)))
            return w
        return self._add('Conv%dD' % self.rank, items, [x], weights, filters)

    def conv_transpose(self, x, filters, kernel, strides=1, padding='valid',
                       activation=None, use_bias=True):
        k, s = self._tuple(kernel), self._tuple(strides)
        items = {
            'filters': filters, 'kernel_size': k, 'strides': s, 'padding': padding,
            'data_format': 'channels_last',
        }
        if self.rank == 2:
            # Conv2DTranspose keeps dilation_rate; Conv3DTranspose.get_config pops it.
            items['dilation_rate'] = [1, 1]
        items.update({
            'groups': 1, 'activation': activation or 'linear', 'use_bias': use_bias,
            'kernel_initializer': _initializer('GlorotUniform', seed=None),
            'bias_initializer': _initializer('Zeros'),
            'kernel_regularizer': None, 'bias_regularizer': None,
            'activity_regularizer': None, 'kernel_constraint': None,
            'bias_constraint': None, 'output_padding': None,
        })

        def weights(name):
            # kernel layout (k..., filters_out, channels_in)
            w = [(name + '/kernel:0', self._he(tuple(k) + (filters, x.channels),
                                               int(np.prod(k)) * x.channels))]
            if use_bias:
                w.append((name + '/bias:0', self._bias(filters)))
            return w
        return self._add('Conv%dDTranspose' % self.rank, items, [x], weights, filters)

    def batch_norm(self, x, momentum=0.99, epsilon=0.001, center=True, scale=True):
        items = {
            'axis': [self.rank + 1], 'momentum': momentum, 'epsilon': epsilon,
            'center': center, 'scale': scale,
            'beta_initializer': _initializer('Zeros'),
            'gamma_initializer': _initializer('Ones'),
            'moving_mean_initializer': _initializer('Zeros'),
            'moving_variance_initializer': _initializer('Ones'),
            'beta_regularizer': None, 'gamma_regularizer': None,
            'beta_constraint': None, 'gamma_constraint': None,
        }
        c = x.channels

        def weights(name):
            w = []
            if scale:
                w.append((name + '/gamma:0', self.rng.uniform(0.5, 1.5, c).astype(np.float32)))
            if center:
                w.append((name + '/beta:0', self.rng.normal(0.0, 0.1, c).astype(np.float32)))
            w.append((name + '/moving_mean:0', self.rng.normal(0.0, 0.1, c).astype(np.float32)))
            w.append((name + '/moving_variance:0', self.rng.uniform(0.5, 2.0, c).astype(np.float32)))
            return w
        return self._add('BatchNormalization', items, [x], weights, c)

    def layer_norm(self, x, epsilon=0.001):
        items = {
            'axis': [self.rank + 1], 'epsilon': epsilon, 'center': True, 'scale': True,
            'beta_initializer': _initializer('Zeros'),
            'gamma_initializer': _initializer('Ones'),
            'beta_regularizer': None, 'gamma_regularizer': None,
            'beta_constraint': None, 'gamma_constraint': None,
        }
        c = x.channels

        def weights(name):
            return [(name + '/gamma:0', self.rng.uniform(0.5, 1.5, c).astype(np.float32)),
                    (name + '/beta:0', self.rng.normal(0.0, 0.1, c).astype(np.float32))]
        return self._add('LayerNormalization', items, [x], weights, c)

    def _pool(self, kind, x, pool, strides=None, padding='valid'):
        p = self._tuple(pool)
        s = self._tuple(strides) if strides is not None else p
        items = {'pool_size': p, 'padding': padding, 'strides': s,
                 'data_format': 'channels_last'}
        return self._add('%s%dD' % (kind, self.rank), items, [x], None, x.channels)

    def max_pool(self, x, pool, strides=None, padding='valid'):
        return self._pool('MaxPooling', x, pool, strides, padding)

    def avg_pool(self, x, pool, strides=None, padding='valid'):
        return self._pool('AveragePooling', x, pool, strides, padding)

    def upsample(self, x, size):
        items = {'size': self._tuple(size), 'data_format': 'channels_last'}
        return self._add('UpSampling%dD' % self.rank, items, [x], None, x.channels)

    def concatenate(self, xs, axis=-1):
        return self._add('Concatenate', {'axis': axis}, xs, None,
                         sum(t.channels for t in xs))

    def add(self, xs):
        return self._add('Add', {}, xs, None, xs[0].channels)

    def activation(self, x, fn):
        return self._add('Activation', {'activation': fn}, [x], None, x.channels)

    def relu(self, x, max_value=None, negative_slope=0.0, threshold=0.0):
        items = {'max_value': None if max_value is None else _f32(max_value),
                 'negative_slope': _f32(negative_slope), 'threshold': _f32(threshold)}
        return self._add('ReLU', items, [x], None, x.channels)

    def softmax(self, x, axis=-1):
        return self._add('Softmax', {'axis': axis}, [x], None, x.channels)

    def dropout(self, x, rate):
        return self._add('Dropout', {'rate': rate, 'noise_shape': None, 'seed': None},
                         [x], None, x.channels)

    def spatial_dropout(self, x, rate):
        return self._add('SpatialDropout3D', {'rate': rate, 'noise_shape': None,
                                              'seed': None}, [x], None, x.channels)

    # -- Keras' model.layers order (functional._map_graph_network) -------------
    def ordered_layers(self):
        by_name = {l['name']: l for l in self.layers}
        layer_indices = {}
        finished, in_progress, decreasing = set(), set(), []

        def visit(name):
            if name in finished:
                return
            if name in in_progress:
                raise ValueError('cycle at ' + name)
            if name not in layer_indices:
                layer_indices[name] = len(layer_indices)
            in_progress.add(name)
            for parent in by_name[name]['inbound']:
                visit(parent)
            finished.add(name)
            in_progress.discard(name)
            decreasing.append(name)

        for out in self.outputs:
            visit(out.layer)
        node_depth, layer_depth = {}, {}
        for name in reversed(decreasing):
            depth = node_depth.setdefault(name, 0)
            depth = max(depth, layer_depth.get(name, 0))
            layer_depth[name] = depth
            node_depth[name] = depth
            for parent in by_name[name]['inbound']:
                node_depth[parent] = max(depth + 1, node_depth.get(parent, 0))
        names = sorted(layer_depth, key=lambda n: (-layer_depth[n], layer_indices[n]))
        missing = set(by_name) - set(names)
        if missing:
            raise ValueError('layers not connected to the output: %s' % sorted(missing))
        return [by_name[n] for n in names]

    def model_config(self, name='model'):
        layers = []
        for l in self.ordered_layers():
            nodes = [] if not l['inbound'] else [[[p, 0, 0, {}] for p in l['inbound']]]
            layers.append({'class_name': l['class_name'], 'config': l['config'],
                           'name': l['name'], 'inbound_nodes': nodes})
        return {'class_name': 'Functional', 'config': {
            'name': name, 'layers': layers,
            'input_layers': [[t.layer, 0, 0] for t in self.inputs],
            'output_layers': [[t.layer, 0, 0] for t in self.outputs]}}

    def parameter_count(self):
        return int(sum(a.size for l in self.layers for _, a in l['weights']))


# ---------------------------------------------------------------------------
# Variants
# ---------------------------------------------------------------------------

def build_miscnn_unet(rng, rank, depth, filters, classes, extra_layer_norm=False):
    """MIScnn 1.1.9 unet/standard.py create_model_2D/3D with batch normalisation."""
    net = Net(rng, rank)
    k3 = (3,) * rank
    x = net.input(1)
    skips = []

    def double_conv(x, n):
        x = net.conv(x, n, k3, padding='same', activation='relu')
        x = net.batch_norm(x, momentum=0.99)
        x = net.conv(x, n, k3, padding='same', activation='relu')
        x = net.batch_norm(x, momentum=0.99)
        return x

    for i in range(depth):
        x = double_conv(x, filters * 2 ** i)
        skips.append(x)
        x = net.max_pool(x, (2,) * rank)
    x = double_conv(x, filters * 2 ** depth)
    for i in reversed(range(depth)):
        n = filters * 2 ** i
        up = net.conv_transpose(x, n, (2,) * rank, strides=(2,) * rank, padding='same')
        # 3-D: concatenate(..., axis=4); 2-D: axis=-1 (as in standard.py)
        x = net.concatenate([up, skips[i]], axis=4 if rank == 3 else -1)
        x = double_conv(x, n)
    if extra_layer_norm:
        x = net.layer_norm(x)
    out = net.conv(x, classes, (1,) * rank, activation='softmax')
    net.outputs.append(out)
    return net


def build_zoo(rng, classes):
    """Every supported layer type; valid input d1 % 8 == 0, d2 % 4 == 0, d3 % 4 == 0.

    Spatial sizes below for an input (D1, D2, D3).
    """
    net = Net(rng, 3)
    x = net.input(1)                                                    # D1,D2,D3,1
    a = net.conv(x, 8, 3, padding='same', activation='relu')            # conv3d
    a = net.batch_norm(a, epsilon=0.01, center=False)                   # batch_normalization
    b = net.conv(a, 12, 3, strides=(2, 1, 1), padding='same')          # conv3d_1 -> D1/2
    b = net.relu(b)                                                     # re_lu
    c1 = net.conv(b, 12, 3, padding='same', dilation=(2, 2, 1),
                  activation='relu')                                    # conv3d_2
    c2 = net.conv(b, 12, 1)                                             # conv3d_3 (1x1x1)
    c2 = net.activation(c2, 'sigmoid')                                  # activation
    s = net.add([c1, c2])                                               # add
    v = net.conv(s, 16, 3, padding='valid', use_bias=False,
                 activation='linear')                                   # conv3d_4 -> -2
    v = net.relu(v, negative_slope=0.1)                                 # re_lu_1
    v = net.conv_transpose(v, 12, 3, strides=1, padding='valid')        # conv3d_transpose -> +2
    s = net.add([s, v])                                                 # add_1
    skip1 = net.batch_norm(s, momentum=0.9, epsilon=0.01, scale=False)  # batch_normalization_1
    p = net.max_pool(skip1, (2, 2, 2))                                  # D1/4,D2/2,D3/2
    p = net.dropout(p, 0.5)
    q = net.conv(p, 16, 3, padding='same')                              # conv3d_5
    skip2 = net.activation(q, 'tanh')                                   # activation_1
    r = net.avg_pool(skip2, (2, 2, 2), padding='valid')                 # D1/8,D2/4,D3/4
    r = net.spatial_dropout(r, 0.3)
    r = net.conv(r, 20, 3, padding='same', activation='relu')           # conv3d_6
    u = net.conv_transpose(r, 12, 3, strides=2, padding='same')         # conv3d_transpose_1 -> x2
    u = net.relu(u, max_value=6.0)                                      # re_lu_2
    u = net.concatenate([u, skip2], axis=-1)                            # concatenate (28)
    u = net.conv_transpose(u, 10, 2, strides=2, padding='valid',
                           activation='relu')                           # conv3d_transpose_2 -> x2
    u = net.concatenate([skip1, u], axis=-1)                            # concatenate_1 (22)
    u = net.conv(u, 8, 3, padding='same', activation='relu')            # conv3d_7
    u = net.upsample(u, (2, 1, 1))                                      # up_sampling3d -> D1
    u = net.add([u, a])                                                 # add_2
    u = net.conv(u, classes, 1)                                         # conv3d_8 (logits)
    out = net.softmax(u, axis=-1)                                       # softmax
    net.outputs.append(out)
    return net


# ---------------------------------------------------------------------------
# HDF5 writing (mirrors tensorflow/python/keras/saving/hdf5_format.py, TF 2.4)
# ---------------------------------------------------------------------------

def _name_array(names):
    """Attribute value as h5py 2.10 stored Keras' list of bytes: fixed-length
    (NULLPAD) strings; an empty list becomes an empty float64 array."""
    if not names:
        return np.asarray([], dtype=np.float64)
    return np.array([n.encode('utf8') for n in names])


def _save_weights_group(group, layers):
    group.attrs['layer_names'] = _name_array([l['name'] for l in layers])
    group.attrs['backend'] = BACKEND.encode('utf8')
    group.attrs['keras_version'] = KERAS_VERSION.encode('utf8')
    for l in sorted(layers, key=lambda l: l['name']):
        g = group.create_group(l['name'])
        g.attrs['weight_names'] = _name_array([n for n, _ in l['weights']])
        for n, value in l['weights']:
            ds = g.create_dataset(n, value.shape, dtype=value.dtype)
            ds[...] = value


def _training_config():
    metrics = [{'class_name': 'MeanMetricWrapper',
                'config': {'name': m, 'dtype': 'float32', 'fn': m}}
               for m in ('dice_soft', 'dice_crossentropy', 'tversky_loss')]
    return {
        'loss': 'tversky_crossentropy',
        'metrics': [metrics],
        'weighted_metrics': None,
        'loss_weights': None,
        'optimizer_config': {'class_name': 'Adam', 'config': {
            'name': 'Adam', 'learning_rate': _f32(0.001), 'decay': 0.0,
            'beta_1': _f32(0.9), 'beta_2': _f32(0.999), 'epsilon': 1e-07,
            'amsgrad': False}},
    }


def _save_optimizer_weights(f, layers, mode, rng):
    trainable = []
    for l in layers:
        for n, a in l['weights']:
            if not n.split('/')[-1].startswith('moving_'):
                trainable.append((n, a))
    if mode == 'partial':
        trainable = trainable[:2]
    names = ['Adam/iter:0']
    values = [np.int64(1234)]
    for slot in ('m', 'v'):
        for n, a in trainable:
            names.append('Adam/%s/%s:0' % (n.rsplit(':', 1)[0], slot))
            v = rng.normal(0.0, 1e-3, a.shape).astype(np.float32)
            values.append(np.abs(v) if slot == 'v' else v)
    g = f.create_group('optimizer_weights')
    g.attrs['weight_names'] = _name_array(names)
    for n, v in zip(names, values):
        ds = g.create_dataset(n, np.shape(v), dtype=np.asarray(v).dtype)
        if np.ndim(v) == 0:
            ds[()] = v
        else:
            ds[...] = v


def _atomic_h5(path, fill):
    tmp = path + '.tmp'
    try:
        with h5py.File(tmp, 'w') as f:
            fill(f)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def write_model(path, net, optimizer='partial', seed=0):
    layers = net.ordered_layers()
    model_config = net.model_config()

    def fill(f):
        # keras_version / backend are Python str in model_metadata -> vlen UTF-8
        f.attrs['keras_version'] = KERAS_VERSION
        f.attrs['backend'] = BACKEND
        f.attrs['model_config'] = json.dumps(model_config).encode('utf8')
        if optimizer != 'none':
            f.attrs['training_config'] = json.dumps(_training_config()).encode('utf8')
        _save_weights_group(f.create_group('model_weights'), layers)
        if optimizer != 'none':
            _save_optimizer_weights(f, layers, optimizer,
                                    np.random.default_rng([seed, 0x0b71]))
    _atomic_h5(path, fill)


def write_weights_only(path, net):
    _atomic_h5(path, lambda f: _save_weights_group(f, net.ordered_layers()))


def write_not_keras(path, seed):
    rng = np.random.default_rng(seed)

    def fill(f):
        f.attrs['description'] = 'plain HDF5 array file, not a Keras model'
        f.create_dataset('volume', data=rng.standard_normal((8, 8, 4)).astype(np.float32))
        g = f.create_group('meta')
        g.attrs['spacing'] = np.array([1.0, 1.0, 2.5])
        g.create_dataset('labels', data=np.arange(4, dtype=np.int32))
    _atomic_h5(path, fill)


def build_variant(variant, depth, filters, classes, seed):
    rng = np.random.default_rng(seed)
    if variant == 'standard':
        return build_miscnn_unet(rng, 3, depth or 4, filters or 32, classes)
    if variant in ('unsupported', 'weights_only'):
        return build_miscnn_unet(rng, 3, depth or 2, filters or 4, classes,
                                 extra_layer_norm=(variant == 'unsupported'))
    if variant == 'two_d':
        return build_miscnn_unet(rng, 2, depth or 2, filters or 4, classes)
    if variant == 'zoo':
        return build_zoo(rng, classes)
    raise ValueError('unknown variant ' + variant)


VARIANTS = ('standard', 'zoo', 'unsupported', 'two_d', 'not_keras', 'weights_only')


def cmd_write(args):
    t0 = time.time()
    if args.variant == 'not_keras':
        write_not_keras(args.output, args.seed)
        net = None
    else:
        net = build_variant(args.variant, args.depth, args.filters, args.classes, args.seed)
        if args.variant == 'weights_only':
            write_weights_only(args.output, net)
        else:
            write_model(args.output, net, args.optimizer, args.seed)
    dt = time.time() - t0
    msg = 'wrote %s variant=%s' % (args.output, args.variant)
    if net is not None:
        msg += ' layers=%d params=%d' % (len(net.layers), net.parameter_count())
    msg += ' bytes=%d seconds=%.2f' % (os.path.getsize(args.output), dt)
    print(msg)


# ===========================================================================
# Independent NumPy oracle (reads only the HDF5 file)
# ===========================================================================

def same_or_valid(n, k, s, d, padding):
    """TF padding arithmetic: (pad_before, pad_after, out) for one dimension."""
    dk = (k - 1) * d + 1
    if padding == 'same':
        out = -(-n // s)
        total = max((out - 1) * s + dk - n, 0)
        return total // 2, total - total // 2, out
    if padding == 'valid':
        out = max((n - dk) // s + 1, 0) if n >= dk else 0
        return 0, 0, out
    raise ValueError('unsupported padding ' + padding)


def deconv_length(n, k, s, d, padding, output_padding=None):
    """Keras conv_utils.deconv_output_length."""
    dk = (k - 1) * d + 1
    if output_padding is None:
        if padding == 'valid':
            return n * s + max(dk - s, 0)
        if padding == 'same':
            return n * s
        raise ValueError('unsupported padding ' + padding)
    pad = dk // 2 if padding == 'same' else 0
    return (n - 1) * s + dk - 2 * pad + output_padding


def conv_nd(x, w, strides, padding, dilation):
    """x (b, *spatial, cin), w (*k, cin, cout) -> (b, *out, cout), TF conv semantics."""
    r = x.ndim - 2
    ks = w.shape[:r]
    pads, outs = [], []
    for i in range(r):
        p0, p1, o = same_or_valid(x.shape[1 + i], ks[i], strides[i], dilation[i], padding)
        pads.append((p0, p1))
        outs.append(o)
    xp = np.pad(x, [(0, 0)] + pads + [(0, 0)])
    out = np.zeros((x.shape[0],) + tuple(outs) + (w.shape[-1],))
    if min(outs) <= 0:
        return out
    for off in itertools.product(*[range(k) for k in ks]):
        sl = tuple(slice(off[i] * dilation[i], off[i] * dilation[i] + (outs[i] - 1) * strides[i] + 1,
                         strides[i]) for i in range(r))
        patch = xp[(slice(None),) + sl + (slice(None),)]
        out += np.tensordot(patch, w[off], axes=([r + 1], [0]))
    return out


def conv_transpose_nd(x, w, strides, padding, dilation, output_padding=None):
    """x (b, *spatial, cin), w (*k, cout, cin): adjoint of conv_nd on the output size."""
    r = x.ndim - 2
    ks = w.shape[:r]
    outs, p0s, lens = [], [], []
    for i in range(r):
        n = x.shape[1 + i]
        op = None if output_padding is None else output_padding[i]
        o = deconv_length(n, ks[i], strides[i], dilation[i], padding, op)
        p0, _, back = same_or_valid(o, ks[i], strides[i], dilation[i], padding)
        if back != n:
            raise ValueError('transpose geometry mismatch: %d -> %d -> %d' % (n, o, back))
        dk = (ks[i] - 1) * dilation[i] + 1
        outs.append(o)
        p0s.append(p0)
        lens.append(max((n - 1) * strides[i] + dk, p0 + o))
    z = np.zeros((x.shape[0],) + tuple(lens) + (w.shape[-2],))
    for off in itertools.product(*[range(k) for k in ks]):
        contrib = np.tensordot(x, w[off], axes=([r + 1], [1]))
        sl = tuple(slice(off[i] * dilation[i], off[i] * dilation[i] + (x.shape[1 + i] - 1) * strides[i] + 1,
                         strides[i]) for i in range(r))
        z[(slice(None),) + sl + (slice(None),)] += contrib
    crop = tuple(slice(p0s[i], p0s[i] + outs[i]) for i in range(r))
    return z[(slice(None),) + crop + (slice(None),)]


def pool_nd(x, pool, strides, padding, mode):
    r = x.ndim - 2
    pads, outs = [], []
    for i in range(r):
        p0, p1, o = same_or_valid(x.shape[1 + i], pool[i], strides[i], 1, padding)
        pads.append((p0, p1))
        outs.append(o)
    padw = [(0, 0)] + pads + [(0, 0)]
    if mode == 'max':
        xp = np.pad(x, padw, constant_values=-np.inf)
        out = np.full((x.shape[0],) + tuple(outs) + (x.shape[-1],), -np.inf)
    else:
        xp = np.pad(x, padw)
        ones = np.pad(np.ones((1,) + x.shape[1:-1] + (1,)), padw)
        out = np.zeros((x.shape[0],) + tuple(outs) + (x.shape[-1],))
        count = np.zeros((1,) + tuple(outs) + (1,))
    for off in itertools.product(*[range(p) for p in pool]):
        sl = (slice(None),) + tuple(slice(off[i], off[i] + (outs[i] - 1) * strides[i] + 1, strides[i])
                                    for i in range(r)) + (slice(None),)
        if mode == 'max':
            np.maximum(out, xp[sl], out=out)
        else:
            out += xp[sl]
            count += ones[sl]
    return out if mode == 'max' else out / count


def upsample_nd(x, size):
    for i, s in enumerate(size):
        x = np.repeat(x, s, axis=1 + i)
    return x


def softmax(x, axis=-1):
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


def activation_fn(name, x):
    if name in ('linear', None):
        return x
    if name == 'relu':
        return np.maximum(x, 0.0)
    if name == 'sigmoid':
        return 1.0 / (1.0 + np.exp(-x))
    if name == 'tanh':
        return np.tanh(x)
    if name == 'softmax':
        return softmax(x, -1)
    if name == 'elu':
        return np.where(x > 0, x, np.expm1(np.minimum(x, 0)))
    if name == 'softplus':
        return np.logaddexp(0.0, x)
    if name == 'softsign':
        return x / (1.0 + np.abs(x))
    if name == 'exponential':
        return np.exp(x)
    raise ValueError('unsupported activation ' + repr(name))


def relu_layer(x, max_value, negative_slope, threshold):
    """Keras backend.relu semantics."""
    pos = np.where(x > threshold, x, 0.0) if threshold != 0 else np.maximum(x, 0.0)
    if max_value is not None:
        pos = np.minimum(pos, max_value)
    if negative_slope != 0:
        pos = pos - negative_slope * np.maximum(threshold - x, 0.0)
    return pos


def _channel_shape(x, axes):
    shape = [1] * x.ndim
    for a in axes:
        shape[a % x.ndim] = x.shape[a]
    return shape


def run_layer(cls, cfg, w, ins):
    """Evaluate one layer; w maps short weight names ('kernel', 'gamma', ...) to arrays."""
    x = ins[0]
    r = x.ndim - 2
    if cls in ('Conv1D', 'Conv2D', 'Conv3D'):
        if cfg.get('groups', 1) != 1 or cfg.get('data_format', 'channels_last') != 'channels_last':
            raise ValueError('unsupported conv config')
        y = conv_nd(x, w['kernel'], cfg['strides'], cfg['padding'], cfg['dilation_rate'])
        if cfg['use_bias']:
            y = y + w['bias']
        return activation_fn(cfg['activation'], y)
    if cls in ('Conv2DTranspose', 'Conv3DTranspose'):
        y = conv_transpose_nd(x, w['kernel'], cfg['strides'], cfg['padding'],
                              cfg.get('dilation_rate') or [1] * r, cfg.get('output_padding'))
        if cfg['use_bias']:
            y = y + w['bias']
        return activation_fn(cfg['activation'], y)
    if cls == 'BatchNormalization':
        axes = cfg['axis'] if isinstance(cfg['axis'], list) else [cfg['axis']]
        shp = _channel_shape(x, axes)
        mean = w['moving_mean'].reshape(shp)
        var = w['moving_variance'].reshape(shp)
        y = (x - mean) / np.sqrt(var + cfg['epsilon'])
        if cfg['scale']:
            y = y * w['gamma'].reshape(shp)
        if cfg['center']:
            y = y + w['beta'].reshape(shp)
        return y
    if cls == 'LayerNormalization':
        axes = cfg['axis'] if isinstance(cfg['axis'], list) else [cfg['axis']]
        axes = tuple(a % x.ndim for a in axes)
        mean = x.mean(axis=axes, keepdims=True)
        var = x.var(axis=axes, keepdims=True)
        y = (x - mean) / np.sqrt(var + cfg['epsilon'])
        shp = _channel_shape(x, axes)
        if cfg['scale']:
            y = y * w['gamma'].reshape(shp)
        if cfg['center']:
            y = y + w['beta'].reshape(shp)
        return y
    if cls.startswith('MaxPooling') or cls.startswith('AveragePooling'):
        strides = cfg['strides'] or cfg['pool_size']
        return pool_nd(x, cfg['pool_size'], strides, cfg['padding'],
                       'max' if cls.startswith('Max') else 'avg')
    if cls.startswith('UpSampling'):
        if cfg.get('interpolation', 'nearest') != 'nearest':
            raise ValueError('unsupported interpolation')
        return upsample_nd(x, cfg['size'])
    if cls == 'Concatenate':
        return np.concatenate(ins, axis=cfg['axis'])
    if cls == 'Add':
        return sum(ins[1:], ins[0])
    if cls == 'Activation':
        return activation_fn(cfg['activation'], x)
    if cls == 'ReLU':
        return relu_layer(x, cfg['max_value'], cfg['negative_slope'], cfg['threshold'])
    if cls == 'Softmax':
        return softmax(x, cfg['axis'])
    if cls in ('Dropout', 'SpatialDropout1D', 'SpatialDropout2D', 'SpatialDropout3D'):
        return x
    raise ValueError('unsupported layer class ' + cls)


def _str_attr(v):
    return v.decode('utf8') if isinstance(v, (bytes, np.bytes_)) else str(v)


def load_keras_h5(path):
    """(model_config dict, {layer: {short weight name: float64 array}})."""
    with h5py.File(path, 'r') as f:
        if 'model_config' not in f.attrs:
            raise ValueError('%s has no model_config attribute (not a Keras model file)' % path)
        config = json.loads(_str_attr(f.attrs['model_config']))
        weights = {}
        g = f['model_weights']
        for layer in (_str_attr(n) for n in g.attrs['layer_names']):
            wn = g[layer].attrs['weight_names']
            arrays = {}
            for n in (_str_attr(n) for n in wn):
                short = n.split('/')[-1].split(':')[0]
                arrays[short] = np.asarray(g[layer][n], dtype=np.float64)
            weights[layer] = arrays
    return config, weights


def forward(config, weights, x):
    if config['class_name'] not in ('Functional', 'Model'):
        raise ValueError('unsupported model class ' + config['class_name'])
    mc = config['config']
    layers = {l['name']: l for l in mc['layers']}
    parents = {}
    for name, l in layers.items():
        nodes = l['inbound_nodes']
        if len(nodes) > 1:
            raise ValueError('shared layer %s not supported' % name)
        refs = nodes[0] if nodes else []
        for ref in refs:
            if ref[1] != 0 or ref[2] != 0:
                raise ValueError('multi-node reference in %s' % name)
        parents[name] = [ref[0] for ref in refs]
    order, state = [], {}

    def visit(n):
        if state.get(n) == 2:
            return
        if state.get(n) == 1:
            raise ValueError('cycle at ' + n)
        state[n] = 1
        for p in parents[n]:
            visit(p)
        state[n] = 2
        order.append(n)
    if len(mc['input_layers']) != 1 or len(mc['output_layers']) != 1:
        raise ValueError('only single-input single-output models supported')
    out_name = mc['output_layers'][0][0]
    in_name = mc['input_layers'][0][0]
    visit(out_name)
    values = {}
    for n in order:
        l = layers[n]
        if l['class_name'] == 'InputLayer':
            if n != in_name:
                raise ValueError('unexpected input layer ' + n)
            shape = l['config']['batch_input_shape']
            if x.ndim != len(shape) or (shape[-1] is not None and x.shape[-1] != shape[-1]):
                raise ValueError('input shape %s does not fit %s' % (x.shape, shape))
            values[n] = x.astype(np.float64)
            continue
        ins = [values[p] for p in parents[n]]
        values[n] = run_layer(l['class_name'], l['config'], weights.get(n, {}), ins)
    return values[out_name]


def _save_npy(path, arr):
    tmp = path + '.tmp'
    with open(tmp, 'wb') as fh:
        np.save(fh, arr)
    os.replace(tmp, path)


def cmd_forward(args):
    t0 = time.time()
    config, weights = load_keras_h5(args.model)
    x = np.load(args.input)
    y = forward(config, weights, x).astype(np.float32)
    _save_npy(args.output, y)
    print('forward %s on %s -> %s shape=%s min=%.6g max=%.6g mean=%.6g seconds=%.2f'
          % (args.model, tuple(x.shape), args.output, tuple(y.shape), y.min(), y.max(),
             y.mean(), time.time() - t0))


def cmd_input(args):
    shape = tuple(int(s) for s in args.shape.split(','))
    x = np.random.default_rng(args.seed).standard_normal(shape).astype(np.float32)
    _save_npy(args.output, x)
    print('wrote %s shape=%s' % (args.output, shape))


def _describe_attr(obj, key):
    aid = obj.attrs.get_id(key)
    t = aid.get_type()
    v = obj.attrs[key]
    if isinstance(t, h5py.h5t.TypeStringID):
        kind = 'vlen-str' if t.is_variable_str() else 'fixed-str[%d]' % t.get_size()
        kind += '/' + ('utf8' if t.get_cset() == h5py.h5t.CSET_UTF8 else 'ascii')
    else:
        kind = str(aid.dtype)
    shown = repr(v)
    if len(shown) > 70:
        shown = shown[:67] + '...'
    return '%s: %s %s = %s' % (key, kind, aid.shape, shown)


def cmd_dump(args):
    with h5py.File(args.model, 'r') as f:
        print('/  (root attributes)')
        for k in f.attrs:
            if k in ('model_config', 'training_config'):
                print('    %s: %s (%d chars)' % (k, _describe_attr(f, k).split(' =')[0].split(': ', 1)[1],
                                                   len(_str_attr(f.attrs[k]))))
            else:
                print('    ' + _describe_attr(f, k))
        entries = []
        f.visititems(lambda n, o: entries.append((n, o)))
        for n, o in entries[:args.limit]:
            if isinstance(o, h5py.Dataset):
                print('/%s  Dataset %s %s' % (n, list(o.shape), o.dtype))
            else:
                print('/%s  Group' % n)
            for k in o.attrs:
                print('    ' + _describe_attr(o, k))
        print('(%d entries in total)' % len(entries))
        if 'model_config' in f.attrs:
            print('model_config[:%d] =' % args.config_chars)
            print(_str_attr(f.attrs['model_config'])[:args.config_chars])


# ===========================================================================
# Self test
# ===========================================================================

def _loop_conv(x, w, strides, padding, dilation):
    """Direct loop, no padded array: out[o] = sum_k x[o*s + k*d - p0] w[k]."""
    r = x.ndim - 2
    ks = w.shape[:r]
    n = x.shape[1:-1]
    outs, p0s = [], []
    for i in range(r):
        dk = (ks[i] - 1) * dilation[i] + 1
        if padding == 'same':
            o = math.ceil(n[i] / strides[i])
            p0s.append(max((o - 1) * strides[i] + dk - n[i], 0) // 2)
        else:
            o = math.floor((n[i] - dk) / strides[i]) + 1
            p0s.append(0)
        outs.append(o)
    y = np.zeros((x.shape[0],) + tuple(outs) + (w.shape[-1],))
    for o in itertools.product(*[range(v) for v in outs]):
        for k in itertools.product(*[range(v) for v in ks]):
            idx = [o[i] * strides[i] + k[i] * dilation[i] - p0s[i] for i in range(r)]
            if all(0 <= idx[i] < n[i] for i in range(r)):
                y[(slice(None),) + o] += x[(slice(None),) + tuple(idx)] @ w[k]
    return y


def _loop_conv_transpose(x, w, strides, padding):
    """Explicit scatter: z[i*s + k - p0] += x[i] w[k]^T (dilation 1)."""
    r = x.ndim - 2
    ks = w.shape[:r]
    n = x.shape[1:-1]
    outs, p0s = [], []
    for i in range(r):
        if padding == 'same':
            o = n[i] * strides[i]
            total = max((o // strides[i] - 1) * strides[i] + ks[i] - o, 0)
            p0s.append(total // 2)
        else:
            o = n[i] * strides[i] + max(ks[i] - strides[i], 0)
            p0s.append(0)
        outs.append(o)
    z = np.zeros((x.shape[0],) + tuple(outs) + (w.shape[-2],))
    for ii in itertools.product(*[range(v) for v in n]):
        for k in itertools.product(*[range(v) for v in ks]):
            o = [ii[d] * strides[d] + k[d] - p0s[d] for d in range(r)]
            if all(0 <= o[d] < outs[d] for d in range(r)):
                z[(slice(None),) + tuple(o)] += x[(slice(None),) + ii] @ w[k].T
    return z


def _check(cond, what):
    if not cond:
        raise AssertionError('selftest failed: ' + what)


def _close(a, b, what, tol=1e-10):
    _check(a.shape == b.shape, '%s shape %s vs %s' % (what, a.shape, b.shape))
    err = float(np.max(np.abs(a - b))) if a.size else 0.0
    _check(err <= tol * max(1.0, float(np.max(np.abs(b))) if b.size else 1.0),
           '%s max err %g' % (what, err))


def cmd_selftest(_args):
    rng = np.random.default_rng(7)
    # padding arithmetic
    for n in range(1, 10):
        for k in range(1, 5):
            for s in range(1, 4):
                for d in range(1, 3):
                    p0, p1, o = same_or_valid(n, k, s, d, 'same')
                    _check(o == math.ceil(n / s), 'same out size')
                    _check(p0 + n + p1 >= (o - 1) * s + (k - 1) * d + 1, 'same pad covers')
                    _check(p1 - p0 in (0, 1), 'same pad split')
                    dk = (k - 1) * d + 1
                    if n >= dk:
                        _check(same_or_valid(n, k, s, d, 'valid')[2] == math.ceil((n - dk + 1) / s),
                               'valid out size')
    # 1x1x1 convolution == matrix product
    x = rng.standard_normal((2, 3, 4, 5, 3))
    w = rng.standard_normal((1, 1, 1, 3, 6))
    _close(conv_nd(x, w, [1, 1, 1], 'same', [1, 1, 1]), x @ w[0, 0, 0], '1x1x1 conv')
    _close(conv_nd(x, w, [1, 1, 1], 'valid', [1, 1, 1]), x @ w[0, 0, 0], '1x1x1 conv valid')
    # convolutions vs direct loop (3-D, 2-D, 1-D)
    cases = [((1, 5, 4, 3, 2), (3, 3, 3), [1, 1, 1], [1, 1, 1]),
             ((2, 7, 5, 4, 2), (3, 2, 3), [2, 1, 2], [1, 1, 1]),
             ((1, 6, 6, 3, 1), (3, 3, 2), [2, 2, 1], [1, 1, 1]),
             ((1, 7, 6, 5, 2), (3, 3, 3), [1, 1, 1], [2, 2, 1]),
             ((1, 8, 5, 2, 3), (2, 2, 2), [2, 2, 2], [1, 1, 1]),
             ((2, 6, 7, 2), (3, 3), [2, 1], [1, 2]),
             ((1, 9, 2), (4,), [3], [1])]
    for shape, ks, s, d in cases:
        x = rng.standard_normal(shape)
        w = rng.standard_normal(ks + (shape[-1], 3))
        for pad in ('same', 'valid'):
            _close(conv_nd(x, w, s, pad, d), _loop_conv(x, w, s, pad, d), 'conv %s %s %s %s' % (shape, ks, s, pad))
    # transpose conv vs scatter loop and adjoint identity <conv(u), v> == <u, convT(v)>
    tcases = [((1, 3, 2, 2, 3), (2, 2, 2), [2, 2, 2]),
              ((2, 3, 3, 2, 2), (3, 3, 3), [2, 2, 2]),
              ((1, 4, 3, 2, 2), (3, 3, 3), [1, 1, 1]),
              ((1, 3, 2, 2, 2), (3, 2, 1), [2, 1, 3]),
              ((1, 4, 3, 2), (2, 3), [2, 2])]
    for shape, ks, s in tcases:
        r = len(ks)
        x = rng.standard_normal(shape)
        w = rng.standard_normal(ks + (4, shape[-1]))
        for pad in ('same', 'valid'):
            z = conv_transpose_nd(x, w, s, pad, [1] * r)
            _close(z, _loop_conv_transpose(x, w, s, pad), 'transpose %s %s %s %s' % (shape, ks, s, pad))
            u = rng.standard_normal(z.shape)
            fwd = conv_nd(u, w, s, pad, [1] * r)
            _check(fwd.shape == x.shape, 'forward conv of transpose output size')
            lhs, rhs = float(np.sum(fwd * x)), float(np.sum(u * z))
            _check(abs(lhs - rhs) <= 1e-9 * max(1.0, abs(lhs)), 'adjoint identity %s %s' % (shape, pad))
    # known values: 2x2x2 stride-2 transpose of a single voxel replicates the kernel
    x = np.zeros((1, 1, 1, 1, 1))
    x[...] = 2.0
    w = rng.standard_normal((2, 2, 2, 3, 1))
    _close(conv_transpose_nd(x, w, [2, 2, 2], 'same', [1, 1, 1])[0], 2.0 * w[..., 0], 'transpose single voxel')
    # sizes of Keras deconv_output_length
    _check(deconv_length(4, 3, 2, 1, 'same') == 8 and deconv_length(4, 3, 2, 1, 'valid') == 9
           and deconv_length(4, 2, 2, 1, 'valid') == 8 and deconv_length(4, 3, 1, 1, 'valid') == 6
           and deconv_length(4, 1, 2, 1, 'valid') == 8, 'deconv lengths')
    # pooling vs loops (valid and same), upsampling
    x = rng.standard_normal((2, 5, 4, 3, 2))
    for pad in ('valid', 'same'):
        for mode in ('max', 'avg'):
            y = pool_nd(x, [2, 2, 2], [2, 2, 2], pad, mode)
            outs = [same_or_valid(n, 2, 2, 1, pad)[2] for n in x.shape[1:4]]
            ref = np.zeros((2,) + tuple(outs) + (2,))
            for o in itertools.product(*[range(v) for v in outs]):
                win = x[:, 2 * o[0]:2 * o[0] + 2, 2 * o[1]:2 * o[1] + 2, 2 * o[2]:2 * o[2] + 2, :]
                win = win.reshape(2, -1, 2)
                ref[(slice(None),) + o] = win.max(axis=1) if mode == 'max' else win.mean(axis=1)
            _close(y, ref, 'pool %s %s' % (mode, pad))
    y = upsample_nd(x, [2, 1, 3])
    _check(y.shape == (2, 10, 4, 9, 2), 'upsample shape')
    _close(y[:, 7, 2, 5], x[:, 3, 2, 1], 'upsample value')
    # activations
    v = np.linspace(-8, 8, 33)
    _close(relu_layer(v, None, 0.0, 0.0), np.where(v > 0, v, 0), 'relu')
    _close(relu_layer(v, 6.0, 0.0, 0.0), np.clip(v, 0, 6), 'relu6')
    _close(relu_layer(v, None, 0.1, 0.0), np.where(v > 0, v, 0.1 * v), 'leaky relu')
    _close(relu_layer(v, 5.0, 0.2, 1.0), np.where(v > 1, np.minimum(v, 5), 0.2 * (v - 1)), 'threshold relu')
    sm = softmax(rng.standard_normal((2, 3, 4, 5)) * 30)
    _close(sm.sum(-1), np.ones((2, 3, 4)), 'softmax sums')
    _close(activation_fn('sigmoid', np.array([0.0, 2.0])), np.array([0.5, 1 / (1 + math.exp(-2))]), 'sigmoid')

    # end to end on every variant
    with tempfile.TemporaryDirectory() as tmp:
        def p(name):
            return os.path.join(tmp, name)
        ns = argparse.Namespace
        for variant in VARIANTS:
            small = variant == 'standard'
            cmd_write(ns(output=p(variant + '.hdf5'), variant=variant, depth=2 if small else None,
                         filters=4 if small else None, classes=3, seed=5, optimizer='partial'))
        # determinism
        cmd_write(ns(output=p('zoo2.hdf5'), variant='zoo', depth=None, filters=None,
                     classes=3, seed=5, optimizer='partial'))
        cmd_write(ns(output=p('zoo3.hdf5'), variant='zoo', depth=None, filters=None,
                     classes=3, seed=6, optimizer='partial'))
        c1, w1 = load_keras_h5(p('zoo.hdf5'))
        c2, w2 = load_keras_h5(p('zoo2.hdf5'))
        _, w3 = load_keras_h5(p('zoo3.hdf5'))
        _check(c1 == c2 and all(np.array_equal(w1[l][k], w2[l][k]) for l in w1 for k in w1[l]),
               'deterministic given seed')
        _check(not np.array_equal(w1['conv3d']['kernel'], w3['conv3d']['kernel']), 'seed matters')
        # layout checks
        with h5py.File(p('standard.hdf5'), 'r') as f:
            names = [_str_attr(n) for n in f['model_weights'].attrs['layer_names']]
            cfg = json.loads(_str_attr(f.attrs['model_config']))
            _check(names == [l['name'] for l in cfg['config']['layers']], 'layer_names order')
            _check(set(f['model_weights'].keys()) == set(names), 'one group per layer')
            _check(f['model_weights/conv3d/conv3d/kernel:0'].shape == (3, 3, 3, 1, 4), 'kernel path')
            _check(f['model_weights/input_1'].attrs['weight_names'].shape == (0,), 'empty weight_names')
            _check(cfg['config']['output_layers'] == [['conv3d_10', 0, 0]], 'output layer (depth 2)')
            _check('optimizer_weights' in f and 'Adam' in f['optimizer_weights'], 'optimizer group')
        for name in ('not_keras', 'weights_only'):
            with h5py.File(p(name + '.hdf5'), 'r') as f:
                _check('model_config' not in f.attrs, name + ' has no model_config')
        with h5py.File(p('weights_only.hdf5'), 'r') as f:
            _check('layer_names' in f.attrs and 'conv3d' in f, 'weights_only layout')
        # forward passes
        for variant, shape in (('standard', (2, 8, 4, 4, 1)), ('zoo', (1, 8, 4, 4, 1)),
                               ('zoo', (2, 16, 24, 8, 1)), ('two_d', (1, 8, 12, 1)),
                               ('unsupported', (1, 4, 8, 4, 1))):
            c, w = load_keras_h5(p(variant + '.hdf5'))
            xin = rng.standard_normal(shape)
            y = forward(c, w, xin)
            _check(y.shape == shape[:-1] + (3,), 'forward shape %s %s' % (variant, y.shape))
            _close(y.sum(-1), np.ones(shape[:-1]), 'probabilities %s' % variant, tol=1e-9)
            _check(float(y.std()) > 1e-3, 'non-degenerate output %s' % variant)
        # every layer matters in the zoo: perturbing a weight changes the output
        c, w = load_keras_h5(p('zoo.hdf5'))
        xin = rng.standard_normal((1, 16, 8, 8, 1))
        base = forward(c, w, xin)
        for layer, arrays in w.items():
            for k in arrays:
                saved = arrays[k]
                arrays[k] = saved * 1.5 + 0.05
                changed = np.max(np.abs(forward(c, w, xin) - base))
                arrays[k] = saved
                _check(changed > 1e-9, 'weight %s/%s influences the output' % (layer, k))
    print('selftest ok')


# ===========================================================================

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    sub = ap.add_subparsers(dest='cmd', required=True)
    w = sub.add_parser('write', help='write a Keras 2.4 HDF5 fixture')
    w.add_argument('--output', required=True)
    w.add_argument('--variant', required=True, choices=VARIANTS)
    w.add_argument('--depth', type=int)
    w.add_argument('--filters', type=int)
    w.add_argument('--classes', type=int, default=4)
    w.add_argument('--seed', type=int, default=1)
    w.add_argument('--optimizer', choices=('none', 'partial', 'full'), default='partial')
    w.set_defaults(fn=cmd_write)
    f = sub.add_parser('forward', help='NumPy oracle forward pass')
    f.add_argument('--model', required=True)
    f.add_argument('--input', required=True)
    f.add_argument('--output', required=True)
    f.set_defaults(fn=cmd_forward)
    i = sub.add_parser('input', help='random normal float32 input')
    i.add_argument('--output', required=True)
    i.add_argument('--shape', required=True)
    i.add_argument('--seed', type=int, default=1)
    i.set_defaults(fn=cmd_input)
    d = sub.add_parser('dump', help='h5ls -r style listing')
    d.add_argument('--model', required=True)
    d.add_argument('--limit', type=int, default=30)
    d.add_argument('--config-chars', type=int, default=600)
    d.set_defaults(fn=cmd_dump)
    s = sub.add_parser('selftest', help='check the oracle')
    s.set_defaults(fn=cmd_selftest)
    args = ap.parse_args(argv)
    try:
        args.fn(args)
    except ValueError as e:
        print('error: %s' % e, file=sys.stderr)
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main())
