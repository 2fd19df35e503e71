import { Progress } from 'antd';

/** The export dialog's bar: how much of the file has come (without a figure while the total is unknown). */
export default function ExportProgressBar({ percent, showInfo }: { percent: number; showInfo: boolean }) {
  return <Progress percent={percent} status="active" showInfo={showInfo} />;
}
