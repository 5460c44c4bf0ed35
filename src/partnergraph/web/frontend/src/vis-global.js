// vis-network (npm, the same 9.1.2 that pyvis ships) as the global `vis` that the network page's script
// uses: its "esnext" build with vis-data's, which carry no polyfills for old browsers (the standalone and
// "peer" builds run core-js when they load: on a phone, about twice the time before the first drawing)
import { DataSet } from "vis-data/esnext";
import { Network } from "vis-network/esnext";

window.vis = { DataSet, Network };
