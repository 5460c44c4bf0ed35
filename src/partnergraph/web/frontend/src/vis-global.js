// vis-network (npm, the same 9.1.2 that pyvis ships; its "peer" build with vis-data, smaller than the
// standalone one) as the global `vis` that the network page's script uses
import { DataSet } from "vis-data/peer";
import { Network } from "vis-network/peer";

window.vis = { DataSet, Network };
